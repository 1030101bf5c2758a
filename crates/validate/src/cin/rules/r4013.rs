use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan end date, when given, must fall within the census period.
    code: "4013",
    kind: Error,
    message: "CIN Plan end date must fall within the census year",
    fields: ["CINPlanEndDate", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let (Some(start), Some(end)) = (cx.start, cx.end) else { return };
        let col = cx.t(T::CinPlanDates).col("CINPlanEndDate");
        for r in cx.t(T::CinPlanDates).rows() {
            if col.iso_date(r).is_some_and(|d| d < start || d > end) {
                h.flag(T::CinPlanDates, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn end_outside_the_census_year() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINPlanEndDate\nA,2025-04-01\nB,2025-03-31\nC,2026-03-31\nD,2026-04-01\nE,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[1, 3]));
    }
}
