use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year ended with an open episode, this year's first episode continues it,
    /// so the placement distance (derived from the postcodes) must not change by 0.2 miles
    /// or more, nor appear where it was blank.
    code: "503G",
    message: "The distance in first episode does not match open episode at end of last year.",
    fields: ["PL_DISTANCE"],
    tables: [Episodes, EpisodesLast],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let el = cx.t(T::EpisodesLast);
    for (r, rl) in first_with_last_year(cx) {
        if el.col("DEC").date(rl).is_none() && distance_changed(cx, r, rl) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn distance_continues() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,PL_DISTANCE\n1,01/01/2025,P,10.3\n2,01/01/2025,P,10.2\n3,01/01/2025,P,5\n\
                 4,01/01/2025,L,50\n5,01/01/2025,P,50\n6,01/01/2025,P,",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,RNE,DEC,PL_DISTANCE\n1,01/01/2025,P,,10.1\n2,01/01/2025,P,,10.0\n3,01/01/2025,P,,\n\
                 4,01/01/2025,P,,5\n5,01/01/2025,P,01/02/2025,5\n6,01/01/2025,P,,5",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 3]));
    }
}
