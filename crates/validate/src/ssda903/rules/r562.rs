use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's first episode starting before 1 April must be the episode last year's
    /// return ended with (the latest DECOM there): otherwise an episode is missing.
    code: "562",
    message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
    fields: ["DECOM"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    let decom = e.col("DECOM");
    let start = cx.start;
    let first = row_by_child_date(e, "DECOM", false, |r| {
        decom.date(r).is_some_and(|d| d < start)
    });
    let decom_last = el.col("DECOM");
    for (child, r) in first {
        let matches = child_row_by_date(el, child, "DECOM", true)
            .is_some_and(|rl| decom_last.date(rl) == decom.date(r));
        if !matches {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_episode_must_end_last_year() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM\n1,01/01/2025\n1,01/05/2025\n2,01/01/2025\n3,01/02/2025\n3,01/01/2025\n\
                 4,01/05/2025\n5,01/01/2025",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM\n1,01/06/2024\n1,01/01/2025\n2,01/06/2024\n3,01/01/2025\n3,01/02/2025\n5,BAD",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2, 4, 6]));
    }

    /// The reference fails outright when a child's episodes last year have no valid DECOM;
    /// we treat that child as having no matching episode last year.
    #[test]
    fn last_year_without_valid_start() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,01/01/2025\n2,01/01/2025"),
            (T::EpisodesLast, "CHILD,DECOM\n1,\n2,01/01/2025"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
