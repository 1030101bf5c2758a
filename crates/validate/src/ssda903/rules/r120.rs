use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The reason the child should no longer be placed for adoption, when given, must be RD1-RD4.
    code: "120",
    message: "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
    fields: ["REASON_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::PlacedAdoption,
        column: "REASON_PLACED_CEASED",
        codes: &["RD1", "RD2", "RD3", "RD4"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::PlacedAdoption, "CHILD,REASON_PLACED_CEASED\n1,RD1\n2,XX9\n3,RD1\n4,\n5,RD4")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[1]));
    }
}
