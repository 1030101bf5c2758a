use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Queries CIN plans that start and end on the same day.
    code: "4012Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
    fields: ["CINPlanStartDate", "CINPlanEndDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_dates(cx, h, T::CinPlanDates, "CINPlanStartDate", "CINPlanEndDate", |s, e| s == e),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn same_day() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINPlanStartDate,CINPlanEndDate\nA,2025-05-01,2025-04-30\nB,2025-05-01,2025-05-01\nC,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[1]));
    }
}
