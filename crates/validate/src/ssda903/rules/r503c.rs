use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its category of need (CIN) must be the same.
    code: "503C",
    message: "The category of need in the first episode does not match open episode at end of last year.",
    fields: ["CIN"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "CIN");
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
                "CHILD,DECOM,CIN\n1,01/05/2025,N3\n1,01/01/2025,N2\n2,01/01/2025,N2\n\
                 3,01/01/2025,N2\n4,01/01/2025,\n5,01/01/2025,N2\n6,,N2",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,CIN\n1,01/01/2024,,N1\n1,01/01/2025,,N1\n2,01/01/2025,,N2\n\
                 3,01/01/2025,01/02/2025,N1\n4,01/01/2025,,\n5,01/01/2025,BAD,N1\n6,01/01/2025,,N1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
