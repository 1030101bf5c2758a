use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When a social worker episode ends more than 5 days before 31 March, the child's next
    /// episode (sorted by start date) must start within 5 days of that end; the next episode
    /// is flagged when it does not, or has no valid start date.
    code: "SW11aSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    fields: ["SW_DEC"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let (decom, dec) = (sw.col("SW_DECOM"), sw.col("SW_DEC"));
    let cutoff = cx.end.plus_days(-5);
    for (cur, prev) in same_child_predecessors(sw, &["SW_DECOM"], true) {
        // CHILDs are compared as values here, so two missing CHILDs are not the same child.
        let same = child_of(sw, cur).is_some();
        let Some(end) = prev.and_then(|p| dec.date(p)).filter(|d| *d <= cutoff) else {
            continue;
        };
        let near = decom
            .date(cur)
            .is_some_and(|s| end.days_until(s).abs() <= 5);
        if same && !near {
            f.flag(T::SwEpisodes, cur);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn next_episode_within_five_days() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/01/2023,01/06/2023\n\
             1,10/06/2023,\n\
             2,01/01/2023,01/06/2023\n\
             2,03/06/2023,\n\
             3,01/01/2023,28/03/2024\n\
             3,10/06/2024,\n\
             4,01/01/2023,01/06/2023\n\
             4,,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::SwEpisodes, &[1, 7]));
    }
}
