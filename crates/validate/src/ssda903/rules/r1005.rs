use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period's end date, when given, must be a valid dd/mm/yyyy date.
    code: "1005",
    message: "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
    fields: ["MIS_END"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Missing, column: "MIS_END", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn invalid_end() {
        let t = tables(&[(T::Missing, "CHILD,MIS_END\n1,01/05/2025\n2,\n3,2025-05-01")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[2]));
    }
}
