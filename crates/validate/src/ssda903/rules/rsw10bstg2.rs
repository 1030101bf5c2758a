use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A social worker episode whose reason is first contact (FCONTA) must start after the
    /// end of the child's previous episode (sorted by start, then end date).
    code: "SW10bSTG2",
    message: "A new social worker episode has started with a reason of first contact before the previous episode has ended.",
    fields: ["SW_DECOM", "SW_REASON"],
    tables: [SwEpisodes],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let (decom, dec) = (sw.col("SW_DECOM"), sw.col("SW_DEC"));
    for (cur, prev) in same_child_predecessors(sw, &["SW_DECOM", "SW_DEC"], true) {
        let prev_end = prev.and_then(|p| dec.date(p));
        if sw.col("SW_REASON").str(cur) == Some("FCONTA") {
            if let (Some(start), Some(end)) = (decom.date(cur), prev_end) {
                if start <= end {
                    f.flag(T::SwEpisodes, cur);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn first_contact_after_the_previous_end() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC,SW_REASON\n\
             1,01/01/2024,01/01/2025,MANAGE\n\
             1,01/01/2025,,FCONTA\n\
             2,01/01/2024,01/01/2025,MANAGE\n\
             2,02/01/2025,,FCONTA\n\
             3,01/01/2024,,MANAGE\n\
             3,02/01/2025,,FCONTA",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1]));
    }
}
