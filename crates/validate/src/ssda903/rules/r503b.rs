use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its legal status (LS) must be the same.
    code: "503B",
    message: "The legal status in the first episode does not match open episode at end of last year.",
    fields: ["LS"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "LS");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn first_episode_continues_open_episode() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,LS\n1,01/05/2025,E1\n1,01/01/2025,C1\n2,01/01/2025,C1\n\
                 3,01/01/2025,C1\n4,01/01/2025,\n5,01/01/2025,C1\n6,,C1",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,LS\n1,01/01/2024,,C2\n1,01/01/2025,,C2\n2,01/01/2025,,C1\n\
                 3,01/01/2025,01/02/2025,C2\n4,01/01/2025,,\n5,01/01/2025,BAD,C2\n6,01/01/2025,,C2",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
