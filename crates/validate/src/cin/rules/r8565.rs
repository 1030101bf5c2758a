use super::prelude::*;

/// The tables whose dates must not be after the episode's closure, with those dates.
const ACTIVITY: &[(T, &[&str])] = &[
    (T::Assessments, &["AssessmentActualStartDate", "AssessmentAuthorisationDate"]),
    (T::Section47, &["S47ActualStartDate", "DateOfInitialCPC"]),
    (T::ChildProtectionPlans, &["CPPendDate"]),
    (T::CinPlanDates, &["CINPlanStartDate", "CINPlanEndDate"]),
];

pub const RULES: &[Rule] = &[rule! {
    /// Nothing may happen in a CIN episode after it closes: when the episode has a valid
    /// closure date, its initial conference date and its assessments' start and
    /// authorisation, Section 47 start and conference, child protection plan end and CIN
    /// plan start and end dates must all be on or before it. The episode row is flagged
    /// with every row holding a later date (joined on child and episode, missing values
    /// matching each other). The validator compares plan end dates with a hard-coded
    /// placeholder plan and fails on CIN plan dates; we check the return's own plans (see
    /// `docs/validation-differences/cinA.md`).
    code: "8565",
    kind: Error,
    message: "Activity shown after a case has been closed",
    fields: [
        "CINclosureDate",
        "DateOfInitialCPC",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "CPPendDate",
        "CINPlanStartDate",
        "CINPlanEndDate",
    ],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let episodes: Vec<_> = ACTIVITY.iter().map(|&(t, _)| by_episode(cx, t)).collect();
        let t = cx.t(T::CinDetails);
        let (child, id, closure, icpc) = (
            t.col("LAchildID"),
            t.col("CINdetailsID"),
            t.col("CINclosureDate"),
            t.col("DateOfInitialCPC"),
        );
        for r in t.rows() {
            let Some(closed) = closure.iso_date(r) else { continue };
            let after = |d: Option<Date>| d.is_some_and(|d| closed < d);
            if after(icpc.iso_date(r)) {
                h.flag(T::CinDetails, r);
            }
            let key = (child.text(r), id.text(r));
            for (&(table, cols), rows) in ACTIVITY.iter().zip(&episodes) {
                for &q in rows.get(&key).into_iter().flatten() {
                    if cols.iter().any(|c| after(cx.t(table).col(c).iso_date(q))) {
                        h.flag(T::CinDetails, r);
                        h.flag(table, q);
                    }
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
    fn activity_after_closure() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,CINclosureDate,DateOfInitialCPC\n\
                 A,1,2025-09-01,2025-09-02\nB,1,2025-09-01,\nC,1,,2025-09-02\nD,1,2025-09-01,2025-09-01",
            ),
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentActualStartDate,AssessmentAuthorisationDate\n\
                 B,1,2025-08-01,2025-09-02\nB,1,2025-08-01,2025-09-01\nC,1,2025-10-01,",
            ),
            (T::Section47, "LAchildID,CINdetailsID,S47ActualStartDate,DateOfInitialCPC\nD,1,2025-09-01,\nD,1,,2025-09-05"),
            (T::ChildProtectionPlans, "LAchildID,CINdetailsID,CPPendDate\nD,1,2025-10-01\nB,1,2025-09-01"),
            (T::CinPlanDates, "LAchildID,CINdetailsID,CINPlanStartDate,CINPlanEndDate\nA,1,2025-05-01,2025-09-30\nA,2,2025-05-01,2025-09-30"),
        ]);
        let want = locs(&[
            (T::Assessments, &[0]),
            (T::CinDetails, &[0, 1, 3]),
            (T::CinPlanDates, &[0]),
            (T::ChildProtectionPlans, &[0]),
            (T::Section47, &[1]),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
