use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every care leaver row must give the accommodation code (0 when not known).
    code: "133",
    message: "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
    fields: ["ACCOM"],
    tables: [Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Oc3,
        column: "ACCOM",
        codes: &["B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S2", "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X2", "Y1", "Y2", "Z1", "Z2", "0"],
        blank_ok: false,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Oc3, "CHILD,ACCOM\n1,B1\n2,XX9\n3,B1\n4,\n5,0")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1, 3]));
    }
}
