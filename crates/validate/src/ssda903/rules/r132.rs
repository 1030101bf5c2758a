use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every care leaver row must give the activity code (0 when not known).
    code: "132",
    message: "Data entry for activity after leaving care is invalid.",
    fields: ["ACTIV"],
    tables: [Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Oc3,
        column: "ACTIV",
        codes: &["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"],
        blank_ok: false,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Oc3, "CHILD,ACTIV\n1,F1\n2,XX9\n3,F1\n4,\n5,0")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1, 3]));
    }
}
