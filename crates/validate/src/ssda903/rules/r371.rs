use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A child in semi-independent living (H5) must be at least 14 at DECOM (closed
        /// episodes only, as the reference checks).
        code: "371",
        message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 14.",
        fields: ["DECOM", "PLACE"],
        tables: [Episodes, Header],
        years: Y2022_23..=Y2022_23,
        check: Check::Custom(|cx, f| placed_under_age(cx, f, "H5", 14)),
    },
    rule! {
        /// From 2023-24 a child in semi-independent living (H5) must be at least 16.
        code: "371",
        message: "Child in semi-independent living accommodation not subject to children’s homes regulations should be at least 16.",
        fields: ["DECOM", "PLACE"],
        tables: [Episodes, Header],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(|cx, f| placed_under_age(cx, f, "H5", 16)),
    },
    rule! {
        /// From 2024-25 the placement is supported accommodation (K3), from age 16.
        code: "371",
        message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
        fields: ["DECOM", "PLACE"],
        tables: [Episodes, Header],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| placed_under_age(cx, f, "K3", 16)),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn semi_independent_age_by_year() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2008\n2,01/06/2010"),
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2023,01/07/2023,H5\n2,01/05/2023,01/07/2023,H5\n1,01/05/2023,01/07/2023,K3\n2,01/05/2023,,K3",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::Episodes, &[1]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0, 1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2]));
    }
}
