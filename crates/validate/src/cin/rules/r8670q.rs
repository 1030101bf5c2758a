use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment started more than 45 working days before the reference date should
    /// be authorised (the limit is pandas' `ReferenceDate − CustomBusinessDay(44)` over
    /// England's bank holidays).
    code: "8670Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
    fields: ["AssessmentActualStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(limit) = cx.working_day_limit(45) else { return };
        let t = cx.t(T::Assessments);
        let (start, done) = (t.col("AssessmentActualStartDate"), t.col("AssessmentAuthorisationDate"));
        for r in t.rows() {
            if done.iso_date(r).is_none() && start.iso_date(r).is_some_and(|s| s < limit) {
                h.flag(T::Assessments, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn long_running_assessment() {
        // The limit for 31 March 2026 is 28 January (pandas: 31 March − CustomBusinessDay(44)).
        let t = tables(&[(
            T::Assessments,
            "LAchildID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA,2026-01-27,\nB,2026-01-28,\nC,2025-05-01,2025-06-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0]));
    }
}
