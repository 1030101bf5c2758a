use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN episode closed with RC8 (no further action after assessment) or RC9 (referred
    /// to early help) must have no activity: no initial conference date, and no child
    /// protection plan, Section 47 or CIN plan records. The episode and every such record
    /// are flagged.
    code: "2990",
    kind: Error,
    message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
    fields: ["ReasonForClosure"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let details = cx.t(T::CinDetails);
        let (reason, icpc) = (details.col("ReasonForClosure"), details.col("DateOfInitialCPC"));
        let (child, id) = (details.col("LAchildID"), details.col("CINdetailsID"));
        let others = [T::ChildProtectionPlans, T::Section47, T::CinPlanDates]
            .map(|t| (t, by_episode(cx, t)));
        for r in details.rows() {
            if !matches!(reason.str(r), Some("RC8" | "RC9")) {
                continue;
            }
            let key = (child.text(r), id.text(r));
            let mut active = icpc.iso_date(r).is_some();
            for (t, rows) in &others {
                for &o in rows.get(&key).into_iter().flatten() {
                    active = true;
                    h.flag(*t, o);
                }
            }
            if active {
                h.flag(T::CinDetails, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn closed_after_assessment_has_no_activity() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,ReasonForClosure,DateOfInitialCPC\nA,1,RC8,\nB,1,RC9,2025-05-01\nC,1,RC8,\nD,1,RC1,",
            ),
            (T::Section47, "LAchildID,CINdetailsID\nA,1\nD,1"),
            (T::CinPlanDates, "LAchildID,CINdetailsID\nA,2"),
        ]);
        let mut want = rows(T::CinDetails, &[0, 1]);
        want.extend(rows(T::Section47, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
