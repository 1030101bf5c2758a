use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's CIN plans must not overlap: a plan starting on or after another's start
    /// and on or before its end (or, if that one is open, on or before the reference date)
    /// flags both.
    code: "4014",
    kind: Error,
    message: "CIN Plan data contains overlapping dates",
    fields: ["CINPlanStartDate", "CINPlanEndDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        starts_during(cx, h, T::CinPlanDates, "CINPlanStartDate", T::CinPlanDates,
            "CINPlanStartDate", "CINPlanEndDate", true)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn overlapping_plans() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINPlanStartDate,CINPlanEndDate\nA,2025-05-01,2025-06-01\nA,2025-06-01,2025-07-01\nB,2025-05-01,2025-06-01\nB,2025-06-02,\nC,2025-05-01,\nC,2025-08-01,2025-09-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[0, 1, 4, 5]));
    }
}
