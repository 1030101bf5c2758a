use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every missing period needs a valid dd/mm/yyyy start date.
    code: "1004",
    message: "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    fields: ["MIS_START"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Missing, column: "MIS_START", blank_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn invalid_or_missing_start() {
        let t = tables(&[(T::Missing, "CHILD,MIS_START\n1,01/05/2025\n2,\n3,2025-05-01")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1, 2]));
    }
}
