use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every social worker episode except the child's latest must have ended. The latest is
    /// the last after sorting by start date with undated starts last (so a child with an
    /// undated episode has that as its latest); only dated episodes are flagged. As in the
    /// validator, a start of 01/01/1901 counts as undated.
    code: "SW08STG2",
    message: "A new social worker episode has started, but the previous episode has not ended.",
    fields: ["SW_DEC"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let placeholder = Date::ymd(1901, 1, 1);
    let decom: Vec<Option<i64>> = sw
        .rows()
        .map(|r| {
            sw.col("SW_DECOM")
                .date(r)
                .filter(|d| *d != placeholder)
                .map(Date::to_epoch_days)
        })
        .collect();
    let mut latest = vec![false; sw.len()];
    for (_, r) in latest_per_child(sw, |r| decom[r], true, true) {
        latest[r] = true;
    }
    for r in sw.rows() {
        if child_of(sw, r).is_some()
            && !latest[r]
            && decom[r].is_some()
            && sw.col("SW_DEC").date(r).is_none()
        {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_episodes_must_end() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/05/2025,\n\
             1,01/01/2025,\n\
             1,01/02/2025,01/05/2025\n\
             2,01/01/2025,\n\
             2,,\n\
             3,01/01/2025,X\n\
             3,01/02/2025,\n\
             ,01/01/2025,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1, 3, 5]));
    }

    #[test]
    fn tied_latest_starts_take_the_last_in_input_order() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2025,\n1,01/05/2025,\n2,01/05/2025,\n2,01/05/2025,02/05/2025",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[0, 2]));
    }
}
