use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its placement LA (derived from the placement postcode) must be the same.
    code: "503H",
    message: "The placement LA in first episode does not match open episode at end of last year.",
    fields: ["PL_LA"],
    tables: [Episodes, EpisodesLast],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "PL_LA");
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
                "CHILD,DECOM,PL_LA\n1,01/05/2025,E09000029\n1,01/01/2025,E09000028\n2,01/01/2025,E09000028\n\
                 3,01/01/2025,E09000028\n4,01/01/2025,\n5,01/01/2025,E09000028\n6,,E09000028",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,PL_LA\n1,01/01/2024,,E09000027\n1,01/01/2025,,E09000027\n2,01/01/2025,,E09000028\n\
                 3,01/01/2025,01/02/2025,E09000027\n4,01/01/2025,,\n5,01/01/2025,BAD,E09000027\n6,01/01/2025,,E09000027",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
