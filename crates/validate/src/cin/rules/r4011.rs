use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must not end before it starts.
    code: "4011",
    kind: Error,
    message: "CIN Plan End Date earlier than Start Date",
    fields: ["CINPlanEndDate", "CINPlanStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_dates(cx, h, T::CinPlanDates, "CINPlanStartDate", "CINPlanEndDate", |s, e| e < s),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn end_before_start() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINPlanStartDate,CINPlanEndDate\nA,2025-05-01,2025-04-30\nB,2025-05-01,2025-05-01\nC,2025-05-01,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[0]));
    }
}
