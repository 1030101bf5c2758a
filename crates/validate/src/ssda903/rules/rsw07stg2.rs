use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A social worker episode end date, when valid, must fall within the collection year.
        code: "SW07STG2",
        message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
        fields: ["SW_DEC"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2024-25 the social worker reporting period starts a year before the collection
        /// year (the validator subtracts a numpy year of 365.2425 days from 1 April, so the
        /// earliest accepted date is 365 days before it).
        code: "SW07STG2",
        message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
        fields: ["SW_DEC"],
        tables: [SwEpisodes],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(check_2025),
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, cx.start);
}

fn check_2025(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, minus_np_year(cx.start));
}

fn check(cx: &Ctx, f: &mut Flags<T>, from: Date) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        if sw.col("SW_DEC").date(r).is_some_and(|d| d < from || d > cx.end) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn end_dates_in_the_reporting_period() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DEC\n1,01/04/2025\n2,31/03/2025\n3,01/04/2024\n4,31/03/2024\n5,01/04/2026\n6,X\n7,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &tables(&[(T::SwEpisodes, "CHILD,SW_DEC\n1,01/04/2023\n2,31/03/2023")])), rows(T::SwEpisodes, &[1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[3, 4]));
        // 2024-25: 1 April 2024 less 365.2425 days is 1 April 2023 at 18:10, as 2024 is leap.
        let t = tables(&[(T::SwEpisodes, "CHILD,SW_DEC\n1,01/04/2023\n2,02/04/2023")]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[0]));
    }
}
