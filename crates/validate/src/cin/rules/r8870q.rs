use super::prelude::*;
use crate::table::{parse_dmy, parse_iso};

/// The target date as the census XML writes it (`yyyy-mm-dd`) or as the validator reads it
/// (`dd-mm-yyyy`).
fn target(s: &str) -> Option<Date> {
    parse_iso(s).or_else(|| (!s.contains('/')).then(|| parse_dmy(&s.replace('-', "/")))?)
}

pub const RULES: &[Rule] = &[rule! {
    /// The target date for the initial child protection conference should be a weekday.
    /// The validator reads `InitialCPCtarget` only as `dd-mm-yyyy`, so it never flags the
    /// census XML's `yyyy-mm-dd` dates; we read both (see
    /// `docs/validation-differences/cinA.md`).
    code: "8870Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend",
    fields: ["InitialCPCtarget"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let c = cx.t(T::Section47).col("InitialCPCtarget");
        for r in cx.t(T::Section47).rows() {
            // 1970-01-01 was a Thursday: day 2 and 3 of the week from it are Saturday and Sunday.
            let weekend = |d: Date| matches!(d.to_epoch_days().rem_euclid(7), 2 | 3);
            if c.str(r).and_then(target).is_some_and(weekend) {
                h.flag(T::Section47, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn weekend_targets() {
        // 2025-06-07 is a Saturday, 2025-06-08 a Sunday, 2025-06-09 a Monday.
        let t = tables(&[(
            T::Section47,
            "LAchildID,InitialCPCtarget\nA,2025-06-07\nB,2025-06-08\nC,2025-06-09\nD,\nE,08-06-2025\nF,8-6-2025\nG,08/06/2025\nH,2025-06-06",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0, 1, 4, 5]));
    }
}
