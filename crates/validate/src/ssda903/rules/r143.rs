use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The reason for a new episode, when given, must be a valid code.
    code: "143",
    message: "The reason for new episode code is not a valid code.",
    fields: ["RNE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Episodes,
        column: "RNE",
        codes: &["S", "P", "L", "T", "U", "B"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Episodes, "CHILD,RNE\n1,S\n2,XX9\n3,S\n4,\n5,B")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
