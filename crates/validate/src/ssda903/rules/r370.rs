use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A child placed in independent living (P2) must be at least 15 at DECOM (closed
        /// episodes only, as the reference checks).
        code: "370",
        message: "Child in independent living should be at least 15.",
        fields: ["DECOM", "PLACE"],
        tables: [Episodes, Header],
        years: Y2022_23..=Y2022_23,
        check: Check::Custom(|cx, f| placed_under_age(cx, f, "P2", 15)),
    },
    rule! {
        /// From 2023-24 a child placed in independent living (P2) must be at least 16.
        code: "370",
        message: "Child in independent living should be at least 16.",
        fields: ["DECOM", "PLACE"],
        tables: [Episodes, Header],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(|cx, f| placed_under_age(cx, f, "P2", 16)),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn independent_living_age_by_year() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2007\n2,01/06/2008\n3,01/06/2010"),
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/05/2023,01/07/2023,P2\n2,01/06/2023,01/07/2023,P2\n3,01/05/2023,01/07/2023,U1\n3,01/05/2023,,P2",
            ),
        ]);
        // 2022-23 (15): 1 is 15, 2 turns 15 on DECOM. 2023-24 (16): 1 is 15 (under 16).
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::Episodes, &[]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0, 1]));
    }
}
