use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A social worker episode must start within 7 days either side of the end of the
        /// child's previous episode (sorted by start, then end date). A previous episode with
        /// no valid end, or an episode with no valid start, is flagged too.
        code: "SW10STG2",
        message: "A new social worker episode has started before the end date of the previous social worker episode.",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2024-25 an episode whose reason is first contact (FCONTA) is exempt.
        code: "SW10STG2",
        message: "A new social worker episode has started before the end date of the previous social worker episode.",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(check_2025),
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    sw_not_within_7_days(cx, f, false);
}

fn check_2025(cx: &Ctx, f: &mut Flags<T>) {
    sw_not_within_7_days(cx, f, true);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_near_the_previous_end() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC,SW_REASON\n\
             1,05/01/2025,01/01/2025,MANAGE\n\
             1,01/01/2024,01/01/2025,MANAGE\n\
             1,20/01/2025,,FCONTA\n\
             2,01/01/2024,,MANAGE\n\
             2,01/02/2024,,MANAGE\n\
             3,01/01/2024,01/02/2024,MANAGE\n\
             3,08/02/2024,,MANAGE\n\
             3,X,,MANAGE",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::SwEpisodes, &[2, 4, 7]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[4, 7]));
    }
}
