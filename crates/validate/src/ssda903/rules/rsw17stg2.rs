use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's most recent social worker episode (latest start, read as pandas reads dates
    /// with `dayfirst=True`; undated starts count as earliest) must still be open at 31 March.
    code: "SW17STG2",
    message: "There is no social worker episode open at 31 March",
    fields: ["SW_DEC", "SW_DECOM"],
    tables: [SwEpisodes],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let starts: Vec<Option<i64>> = sw
        .rows()
        .map(|r| sw.col("SW_DECOM").str(r).and_then(parse_dayfirst_stamp))
        .collect();
    for (_, r) in latest_per_child(sw, |r| starts[r], false, false) {
        if sw.col("SW_DEC").is_present(r) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn latest_episode_open() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2025,\n1,01/01/2025,01/05/2025\n2,2025-06-01,X\n2,01/01/2025,\n3,,01/01/2025",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[2, 4]));
    }

    #[test]
    fn tied_latest_starts_take_the_first_in_input_order() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2025,02/05/2025\n1,01/05/2025,\n2,01/05/2025,\n2,01/05/2025,02/05/2025",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[0]));
    }
}
