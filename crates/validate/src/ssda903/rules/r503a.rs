use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its reason for new episode (RNE) must be the same.
    code: "503A",
    message: "The reason for new episode in the first episode does not match open episode at end of last year.",
    fields: ["RNE"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "RNE");
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
                "CHILD,DECOM,RNE\n1,01/05/2025,B\n1,01/01/2025,L\n2,01/01/2025,L\n\
                 3,01/01/2025,L\n4,01/01/2025,\n5,01/01/2025,L\n6,,L",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,RNE\n1,01/01/2024,,P\n1,01/01/2025,,P\n2,01/01/2025,,L\n\
                 3,01/01/2025,01/02/2025,P\n4,01/01/2025,,\n5,01/01/2025,BAD,P\n6,01/01/2025,,P",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
