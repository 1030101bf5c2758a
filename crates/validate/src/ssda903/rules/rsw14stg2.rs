use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every social worker episode except the child's latest (last by start date, undated
    /// starts last) must have a valid end date.
    code: "SW14STG2",
    message: "Social worker episode date ceased is blank.",
    fields: ["SW_DEC"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let decom = sw.col("SW_DECOM");
    let mut latest = vec![false; sw.len()];
    for (_, r) in latest_per_child(sw, |r| decom.date(r).map(Date::to_epoch_days), true, true) {
        latest[r] = true;
    }
    for r in sw.rows() {
        if sw.col("SW_DEC").date(r).is_none() && !latest[r] {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_episodes_need_an_end() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2023,\n1,01/01/2023,\n2,01/01/2023,X\n2,,\n,01/01/2023,\n,02/01/2023,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::SwEpisodes, &[1, 2, 4]));
    }
}
