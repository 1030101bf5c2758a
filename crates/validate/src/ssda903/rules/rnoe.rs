use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode that started before this collection year implies the child was looked
    /// after last year, so last year's return must have episodes for the child.
    code: "NoE",
    message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
    fields: ["DECOM"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let last = child_keys(&[cx.t(T::EpisodesLast)]);
    let e = cx.t(T::Episodes);
    for r in e.rows() {
        if e.col("DECOM").date(r).is_some_and(|d| d < cx.start) && !last.contains(child_of(e, r)) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_episodes_need_last_years_return() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,01/01/2025\n2,01/01/2025\n2,01/05/2025\n3,31/03/2025\n,01/01/2020"),
            (T::EpisodesLast, "CHILD,DECOM\n1,01/01/2025"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3, 4]));
    }
}
