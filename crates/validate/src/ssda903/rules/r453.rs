use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year's final episode was open and this year's first episode has the same
    /// reason for new episode, the placement distance (derived from the postcodes) must not
    /// change by 0.2 miles or more, nor appear where it was blank.
    code: "453",
    message: "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
    fields: ["PL_DISTANCE"],
    tables: [Episodes, EpisodesLast],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    for (r, rl) in first_with_last_year(cx) {
        let same_rne = e.col("RNE").str(r).is_some_and(|v| el.col("RNE").str(rl) == Some(v));
        if same_rne && el.col("DEC").date(rl).is_none() && distance_changed(cx, r, rl) {
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
        // 10.3 - 10.1 is just over 0.2 in floating point; 10.2 - 10.0 just under.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
