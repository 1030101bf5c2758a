use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so its Ofsted URN must be the same.
    code: "503F",
    message: "The Ofsted URN in the  first episode does not match open episode at end of last year.",
    fields: ["URN"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    differs_from_last_year(cx, f, "URN");
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
                "CHILD,DECOM,URN\n1,01/05/2025,XXXXXXX\n1,01/01/2025,SC654321\n2,01/01/2025,SC654321\n\
                 3,01/01/2025,SC654321\n4,01/01/2025,\n5,01/01/2025,SC654321\n6,,SC654321",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC,URN\n1,01/01/2024,,SC123456\n1,01/01/2025,,SC123456\n2,01/01/2025,,SC654321\n\
                 3,01/01/2025,01/02/2025,SC123456\n4,01/01/2025,,\n5,01/01/2025,BAD,SC123456\n6,01/01/2025,,SC123456",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 5]));
    }
}
