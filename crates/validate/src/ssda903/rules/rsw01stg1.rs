use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child looked after on 31 March (an episode with no DEC, not a V3/V4 short break)
    /// must have social worker episodes, each with SW_ID, SW_DECOM and SW_REASON. The open
    /// episode is flagged. (The reference reports the Episodes row numbers under the
    /// SWEpisodes table; they are flagged here against Episodes, where they belong.)
    code: "SW01STG1",
    message: "Child looked after on 31 March, but no social worker episode information is reported",
    fields: ["DEC"],
    tables: [SwEpisodes, Episodes],
    years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let items = [sw.col("SW_ID"), sw.col("SW_DECOM"), sw.col("SW_REASON")];
    // Does a child have social worker episodes, all with their three items?
    let complete = |rows: &mut dyn Iterator<Item = usize>| {
        let mut any = false;
        for r in rows {
            any = true;
            if !items.iter().all(|c| c.is_present(r)) {
                return false;
            }
        }
        any
    };
    let missing = complete(&mut sw.rows().filter(|&r| child_of(sw, r).is_none()));
    let e = cx.t(T::Episodes);
    for r in e.rows() {
        let open = !e.col("DEC").is_present(r) && !matches!(e.col("LS").str(r), Some("V3" | "V4"));
        if !open {
            continue;
        }
        let ok = match child_of(e, r) {
            Some(c) => complete(&mut sw.rows_of(c).iter().map(|&r| r as usize)),
            None => missing,
        };
        if !ok {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_episodes_need_social_worker_episodes() {
        let t = tables(&[
            (T::Episodes, "CHILD,LS,DEC\n1,C2,\n2,C2,\n3,C2,\n4,V3,\n5,C2,01/01/2024\n6,,"),
            (
                T::SwEpisodes,
                "CHILD,SW_ID,SW_DECOM,SW_REASON\n1,SW1,01/01/2023,MANAGE\n2,SW1,01/01/2023,\n2,SW2,01/02/2023,MANAGE\n6,SW1,X,Y",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 2]));
    }
}
