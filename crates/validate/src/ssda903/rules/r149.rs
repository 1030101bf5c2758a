use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The reason an episode ceased, when given, must be a valid code.
    code: "149",
    message: "Reason episode ceased code is not valid. ",
    fields: ["REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Episodes,
        column: "REC",
        codes: &["E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Episodes, "CHILD,REC\n1,E11\n2,XX9\n3,E11\n4,\n5,X1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
