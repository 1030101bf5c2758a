use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When last year's final episode was open (no DEC) and this year's first episode has
    /// the same reason for new episode, it continues that placement, so the placement LA
    /// (derived from the placement postcode) must be the same.
    code: "452",
    message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
    fields: ["PL_LA"],
    tables: [Episodes, EpisodesLast],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    for (r, rl) in first_with_last_year(cx) {
        let same_rne = e.col("RNE").str(r).is_some_and(|v| el.col("RNE").str(rl) == Some(v));
        if same_rne
            && !el.col("DEC").is_present(rl)
            && e.col("PL_LA").str(r) != el.col("PL_LA").str(rl)
        {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placement_la_continues() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,PL_LA\n1,01/01/2025,P,E1\n2,01/01/2025,P,E1\n3,01/01/2025,L,E1\n\
                 4,01/01/2025,P,E1\n5,01/01/2025,,E1\n6,01/01/2025,P,",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,RNE,DEC,PL_LA\n1,01/01/2025,P,,E2\n2,01/01/2025,P,,E1\n3,01/01/2025,P,,E2\n\
                 4,01/01/2025,P,BAD,E2\n5,01/01/2025,,,E2\n6,01/01/2025,P,,E2",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 5]));
    }

    /// The reference fails outright when any child has no valid DECOM in either year; we
    /// leave that child out and check the others.
    #[test]
    fn child_without_valid_start_is_skipped() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,RNE,PL_LA\n1,BAD,P,E1\n2,01/01/2025,P,E1"),
            (
                T::EpisodesLast,
                "CHILD,DECOM,RNE,DEC,PL_LA\n1,01/01/2025,P,,E2\n2,01/01/2025,P,,E2\n3,,P,,E2",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
