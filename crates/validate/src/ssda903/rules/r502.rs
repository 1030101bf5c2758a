use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode left open (no DEC) at the end of last year's return continues into this
    /// year, so it must be this year's first episode, with the same start date.
    code: "502",
    message: "Last year's record ended with an open episode. The date on which that episode started does not match the start date of the first episode on this year’s record.",
    fields: ["DECOM"],
    tables: [Episodes, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    let (decom, decom_last, dec_last) = (e.col("DECOM"), el.col("DECOM"), el.col("DEC"));
    for (child, r) in row_by_child_date(e, "DECOM", false, |_| true) {
        let start = decom.date(r);
        let mismatch = el.rows_of(child).iter().any(|&rl| {
            let rl = rl as usize;
            !dec_last.is_present(rl) && (decom_last.date(rl) != start || start.is_none())
        });
        if mismatch {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_episode_start_carries_over() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM\n1,01/02/2025\n1,01/01/2025\n2,01/01/2025\n3,01/01/2025\n4,01/01/2025\n5,01/01/2025",
            ),
            (
                T::EpisodesLast,
                "CHILD,DECOM,DEC\n1,01/01/2025,\n2,02/01/2025,\n3,02/01/2025,01/03/2025\n4,BAD,\n6,01/01/2025,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2, 4]));
    }

    /// The reference fails outright when any child has no valid DECOM this year; we leave
    /// that child out and check the others.
    #[test]
    fn child_without_valid_start_is_skipped() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,BAD\n2,01/01/2025"),
            (T::EpisodesLast, "CHILD,DECOM,DEC\n1,01/01/2025,\n2,02/01/2025,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
