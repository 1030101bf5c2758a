use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An open child protection plan (no end date) and an open CIN plan (started, no end
    /// date) must not coexist on one CIN episode: both are flagged.
    code: "4001",
    kind: Error,
    message: "A CIN Plan cannot run concurrently with a Child Protection Plan",
    fields: ["CINPlanEndDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let plans = by_episode(cx, T::CinPlanDates);
        let p = cx.t(T::CinPlanDates);
        let c = cx.t(T::ChildProtectionPlans);
        let (child, id, end) = (c.col("LAchildID"), c.col("CINdetailsID"), c.col("CPPendDate"));
        for r in c.rows() {
            if end.iso_date(r).is_some() {
                continue;
            }
            for &q in plans.get(&(child.text(r), id.text(r))).into_iter().flatten() {
                if p.col("CINPlanStartDate").iso_date(q).is_some()
                    && p.col("CINPlanEndDate").iso_date(q).is_none()
                {
                    h.flag(T::ChildProtectionPlans, r);
                    h.flag(T::CinPlanDates, q);
                }
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn open_plans_of_both_kinds() {
        let t = tables(&[
            (T::ChildProtectionPlans, "LAchildID,CINdetailsID,CPPendDate\nA,1,\nB,1,2025-06-01\nC,1,"),
            (
                T::CinPlanDates,
                "LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate\nA,1,2025-05-01,\nB,1,2025-05-01,\nC,1,2025-05-01,2025-06-01",
            ),
        ]);
        let want = locs(&[(T::ChildProtectionPlans, &[0]), (T::CinPlanDates, &[0])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
