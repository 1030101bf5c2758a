use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan's end date, when given, must fall in the census period. As
    /// in the validator, nothing is flagged when the reference date is missing (the
    /// comparisons with it fail).
    code: "8930",
    kind: Error,
    message: "Child Protection Plan End Date must fall within the census year",
    fields: ["CPPendDate", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let end = cx.t(T::ChildProtectionPlans).col("CPPendDate");
        for r in cx.t(T::ChildProtectionPlans).rows() {
            let Some(d) = end.iso_date(r) else { continue };
            if cx.start.is_some_and(|s| d < s) || cx.end.is_some_and(|e| d > e) {
                h.flag(T::ChildProtectionPlans, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    const PLANS: &str = "LAchildID,CPPendDate\nA,2025-03-31\nB,2025-04-01\nC,2026-03-31\nD,2026-04-01\nE,\nF,2026-02-30";

    #[test]
    fn end_outside_the_census_year() {
        let t = tables(&[(T::ChildProtectionPlans, PLANS)]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[0, 3]));
    }

    #[test]
    fn nothing_without_a_reference_date() {
        let mut t = tables(&[(T::ChildProtectionPlans, PLANS)]);
        t.insert(T::Header, Table::from_rows(&["ReferenceDate"], &[[""]]));
        assert!(flagged(RULES, Y2025_26, &t).is_empty());
    }
}
