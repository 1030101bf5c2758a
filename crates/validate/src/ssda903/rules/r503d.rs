use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// When last year ended with an open episode, this year's first episode continues
        /// it, so its placement type must be the same; in 2023-24, H5 may become K3.
        code: "503D",
        message: "The placement type in the first episode does not match open episode at end of last year",
        fields: ["PLACE"],
        tables: [Episodes, EpisodesLast],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(check),
    },
    rule! {
        /// As before; in 2024-25, H5 may become K3.
        code: "503D",
        message: "The placement type in the first episode does not match open episode at end of last year",
        fields: ["PLACE"],
        tables: [Episodes, EpisodesLast],
        years: Y2024_25..=Y2024_25,
        check: Check::Custom(check),
    },
    rule! {
        /// As before; in 2025-26, Z1 may become Z11-Z14 (Z1 was split).
        code: "503D",
        message: "The placement type in the first episode does not match open episode at end of last year",
        fields: ["PLACE"],
        tables: [Episodes, EpisodesLast],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "PLACE");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placement_continues_with_yearly_code_changes() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,PLACE\n1,01/01/2025,K3\n2,01/01/2025,Z11\n3,01/01/2025,K2\n4,01/01/2025,U1",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,PLACE\n1,01/01/2025,,H5\n2,01/01/2025,,Z1\n3,01/01/2025,,U1\n4,01/01/2025,,U1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 2]));
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[1, 2]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::Episodes, &[0, 1, 2]));
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::Episodes, &[0, 1, 2]));
    }
}
