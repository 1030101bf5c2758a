use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its placement provider must be the same.
    code: "503E",
    message: "The placement provider in the first episode does not match open episode at end of last year.",
    fields: ["PLACE_PROVIDER"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "PLACE_PROVIDER");
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
                "CHILD,DECOM,PLACE_PROVIDER\n1,01/05/2025,PR3\n1,01/01/2025,PR2\n2,01/01/2025,PR2\n\
                 3,01/01/2025,PR2\n4,01/01/2025,\n5,01/01/2025,PR2\n6,,PR2",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,PLACE_PROVIDER\n1,01/01/2024,,PR1\n1,01/01/2025,,PR1\n2,01/01/2025,,PR2\n\
                 3,01/01/2025,01/02/2025,PR1\n4,01/01/2025,,\n5,01/01/2025,BAD,PR1\n6,01/01/2025,,PR1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
