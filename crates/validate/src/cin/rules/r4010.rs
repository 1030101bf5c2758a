use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must have a start date, not after the reference date.
    code: "4010",
    kind: Error,
    message: "CIN Plan start date is missing or out of data collection period",
    fields: ["CINPlanStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let start = cx.t(T::CinPlanDates).col("CINPlanStartDate");
        for r in cx.t(T::CinPlanDates).rows() {
            let bad = match start.iso_date(r) {
                None => true,
                Some(d) => cx.reference.is_some_and(|rd| d > rd),
            };
            if bad {
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
    fn start_missing_or_late() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINPlanStartDate\nA,2026-03-31\nB,2026-04-01\nC,\nD,2020-01-01\nE,31/03/2026",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[1, 2, 4]));
    }
}
