use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// The placement type, when given, must be one of the codes in use to 2023-24.
        code: "146",
        message: "Placement type code is not a valid code.",
        fields: ["PLACE"],
        tables: [Episodes],
        years: Y2022_23..=Y2023_24,
        check: Check::CodeIn {
            table: T::Episodes,
            column: "PLACE",
            codes: &[
                "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
                "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
            ],
            blank_ok: true,
        },
    },
    rule! {
        /// The placement type, when given, must be one of the 2024-25 codes, which add K3
        /// (the validator lists it as "k3", which never matches upper-cased input: we accept K3).
        code: "146",
        message: "Placement type code is not a valid code.",
        fields: ["PLACE"],
        tables: [Episodes],
        years: Y2024_25..=Y2024_25,
        check: Check::CodeIn {
            table: T::Episodes,
            column: "PLACE",
            codes: &[
                "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3",
                "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
            ],
            blank_ok: true,
        },
    },
    rule! {
        /// The placement type, when given, must be one of the codes from 2025-26: H5 and P2
        /// go, and Z1 is split into Z11-Z14.
        code: "146",
        message: "Placement type code is not a valid code.",
        fields: ["PLACE"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::CodeIn {
            table: T::Episodes,
            column: "PLACE",
            codes: &[
                "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
                "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12",
                "Z13", "Z14",
            ],
            blank_ok: true,
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn codes_by_year() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE\n1,U1\n2,K3\n3,Z1\n4,Z11\n5,H5\n6,\n7,XX",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 3, 6]));
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[3, 6]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2, 4, 6]));
    }
}
