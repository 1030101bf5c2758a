use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// The date the social worker episode began (SW_DECOM), when given, must be a dd/mm/yyyy
        /// date; ZZ for an unknown day or month and ZZZZ for an unknown year are accepted.
        code: "SW04STG1",
        message: "Date social worker episode began is not a valid date..",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2024_25,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2025-26 the date must be a real dd/mm/yyyy date (no ZZ placeholders).
        code: "SW04STG1",
        message: "Date social worker episode began is not a valid date..",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes],
        years: Y2025_26..=Y2026_27,
        check: Check::ValidDate { table: T::SwEpisodes, column: "SW_DECOM", blank_ok: true },
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        if sw.col("SW_DECOM").str(r).is_some_and(|s| !is_valid_date_zz(s)) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn valid_dates() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM\n1,01/04/2023\n2,ZZ/04/2023\n3,\n4,2023-04-01\n5,31/02/2023\n6,ZZ/ZZ/ZZZZ",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[3, 4]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1, 3, 4, 5]));
    }
}
