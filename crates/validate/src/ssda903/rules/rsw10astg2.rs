use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Unless its reason is first contact (FCONTA), a social worker episode must start
    /// within 7 days either side of the end of the child's previous episode (sorted by start,
    /// then end date); a missing previous end or start date is flagged too.
    code: "SW10aSTG2",
    message: "A new social worker episode has started and it is not within +/- 7 days of a previous episode.",
    fields: ["SW_DECOM"],
    tables: [SwEpisodes],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
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
             1,01/01/2024,01/01/2025,MANAGE\n\
             1,09/01/2025,,\n\
             2,01/01/2024,01/01/2025,MANAGE\n\
             2,20/01/2025,,FCONTA\n\
             3,01/01/2024,01/01/2025,\n\
             3,25/12/2024,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1]));
    }
}
