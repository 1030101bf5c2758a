use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its placement location (IN/OUT, derived from the placement postcode) must be the same.
    code: "503J",
    message: "The placement location in first episode does not match open episode at end of last year.",
    fields: ["PL_LOCATION"],
    tables: [Episodes, EpisodesLast],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "PL_LOCATION");
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
                "CHILD,DECOM,PL_LOCATION\n1,01/05/2025,OUT\n1,01/01/2025,OUT\n2,01/01/2025,OUT\n\
                 3,01/01/2025,OUT\n4,01/01/2025,\n5,01/01/2025,OUT\n6,,OUT",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,PL_LOCATION\n1,01/01/2024,,IN\n1,01/01/2025,,IN\n2,01/01/2025,,OUT\n\
                 3,01/01/2025,01/02/2025,IN\n4,01/01/2025,,\n5,01/01/2025,BAD,IN\n6,01/01/2025,,IN",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
