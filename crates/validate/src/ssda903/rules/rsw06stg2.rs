use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A social worker episode cannot start after the end of the collection year.
    code: "SW06STG2",
    message: "Social worker episode data should be within the social worker data reporting year.",
    fields: ["SW_DECOM"],
    tables: [SwEpisodes],
    years: Y2023_24..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        if sw.col("SW_DECOM").date(r).is_some_and(|d| d > cx.end) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_after_year_end() {
        let t = tables(&[(T::SwEpisodes, "CHILD,SW_DECOM\n1,31/03/2026\n2,01/04/2026\n3,\n4,X")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1]));
    }
}
