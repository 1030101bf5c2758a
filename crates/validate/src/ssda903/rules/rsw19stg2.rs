use super::prelude::*;
use hashbrown::HashSet;

pub const RULES: &[Rule] = &[rule! {
    /// A child cannot have two social worker episodes starting on the same date: every
    /// repeat of a CHILD and SW_DECOM pair (as entered; two missing values are equal) after
    /// its first occurrence is flagged.
    code: "SW19STG2",
    message: "There are 2 social worker episodes for the child starting on the same date.",
    fields: ["SW_DEC", "SW_DECOM"],
    tables: [SwEpisodes],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let mut seen: HashSet<(Option<&str>, Option<&str>)> = HashSet::new();
    for r in sw.rows() {
        if !seen.insert((child_of(sw, r), sw.col("SW_DECOM").str(r))) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn repeated_start_dates() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM\n1,01/05/2025\n1,01/05/2025\n1,1/5/2025\n2,\n2,\n,01/05/2025\n,01/05/2025",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1, 4, 6]));
    }
}
