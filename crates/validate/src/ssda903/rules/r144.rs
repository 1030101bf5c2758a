use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The legal status, when given, must be a valid code.
    code: "144",
    message: "The legal status code is not a valid code.",
    fields: ["LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Episodes,
        column: "LS",
        codes: &["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Episodes, "CHILD,LS\n1,C1\n2,XX9\n3,C1\n4,\n5,L3")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
