use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A social worker episode ending in the last five days of the year (26 to 31 March)
    /// must be followed by another. As the validator checks it: the episode after such an
    /// ending is flagged when it has no valid start date; a child's only episode ending then
    /// is flagged; and such an ending episode is flagged when an episode that sorts just
    /// before it (latest start first) started before it ended.
    code: "SW11bSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    fields: ["SW_DEC"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let (decom, dec) = (sw.col("SW_DECOM"), sw.col("SW_DEC"));
    let window = cx.end.plus_days(-5)..=cx.end;
    let ends_late = |r: usize| dec.date(r).is_some_and(|d| window.contains(&d));
    // The next episode of an episode ending late has no valid start.
    for (cur, prev) in same_child_predecessors(sw, &["SW_DECOM"], true) {
        if prev.is_some_and(ends_late) && decom.date(cur).is_none() {
            f.flag(T::SwEpisodes, cur);
        }
    }
    // A child's only episode ends late.
    for r in sw.rows() {
        if child_of(sw, r).is_some_and(|c| sw.rows_of(c).len() == 1) && ends_late(r) {
            f.flag(T::SwEpisodes, r);
        }
    }
    // Latest start first: an episode ending late that the next one in this order (an earlier
    // or equal start) started before it ended.
    for (cur, prev) in same_child_predecessors(sw, &["SW_DECOM"], false) {
        let Some(later) = prev.filter(|&p| ends_late(p)) else {
            continue;
        };
        if let (Some(start), Some(end)) = (decom.date(cur), dec.date(later)) {
            if start < end {
                f.flag(T::SwEpisodes, later);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn late_endings_need_a_following_episode() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/01/2025,28/03/2026\n\
             2,01/01/2025,28/03/2026\n\
             2,,\n\
             3,01/01/2025,28/03/2026\n\
             3,28/03/2026,\n\
             4,01/01/2025,20/03/2026\n\
             5,01/01/2025,\n\
             5,01/02/2025,28/03/2026",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[0, 2, 7]));
    }
}
