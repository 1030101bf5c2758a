use super::prelude::*;
use std::collections::HashMap;

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
    let mut latest: HashMap<Option<&str>, usize> = HashMap::new();
    for r in sort_child_dates(sw, &["SW_DECOM"], true) {
        latest.insert(child_of(sw, r), r);
    }
    for r in sw.rows() {
        if sw.col("SW_DEC").date(r).is_none() && latest.get(&child_of(sw, r)) != Some(&r) {
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
