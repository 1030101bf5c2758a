use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// PREV_PERM, when given, must be P1, P2, P3, P4 or Z1.
    code: "631",
    message: "Previous permanence option not a valid value.",
    fields: ["PREV_PERM"],
    tables: [PrevPerm],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::PrevPerm,
        column: "PREV_PERM",
        codes: &["P1", "P2", "P3", "P4", "Z1"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn codes() {
        let t = tables(&[(T::PrevPerm, "CHILD,PREV_PERM\n1,P1\n2,Z1\n3,\n4,P5")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PrevPerm, &[3]));
    }
}
