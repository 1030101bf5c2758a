use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// Social worker episodes must cover a child's time in care: each episode that starts
        /// care (RNE S) or ends it (REC other than X1), outside short breaks (V3/V4), is
        /// flagged when the child has no social worker episodes, or has one that starts
        /// neither on or before the care episode's end (for an ending) nor on or after its
        /// start (for a start). A social worker episode with no valid start is always such.
        code: "SW12STG2",
        message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes, Episodes],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2024-25 only care episodes still open, or ending from a year before the
        /// collection year (a numpy year of 365.2425 days) to its end, are checked.
        code: "SW12STG2",
        message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
        fields: ["SW_DECOM"],
        tables: [SwEpisodes, Episodes],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(check_2025),
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, false);
}

fn check_2025(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, true);
}

fn check(cx: &Ctx, f: &mut Flags<T>, window: bool) {
    let sw = cx.t(T::SwEpisodes);
    let sw_decom = sw.col("SW_DECOM");
    // A child's social worker episode starts, sorted, and whether any has no valid start.
    let starts = |rows: &mut dyn Iterator<Item = usize>| {
        let (mut dates, mut undated, mut any) = (Vec::new(), false, false);
        for r in rows {
            any = true;
            match sw_decom.date(r) {
                Some(d) => dates.push(d),
                None => undated = true,
            }
        }
        dates.sort_unstable();
        any.then_some((dates, undated))
    };
    let missing = starts(&mut sw.rows().filter(|&r| child_of(sw, r).is_none()));
    let from = minus_np_year(cx.start);
    let e = cx.t(T::Episodes);
    for r in e.rows() {
        let (decom, dec) = (e.col("DECOM").date(r), e.col("DEC").date(r));
        let starts_care = e.col("RNE").str(r) == Some("S");
        let ends_care = e.col("REC").str(r) != Some("X1");
        if matches!(e.col("LS").str(r), Some("V3" | "V4")) || !(starts_care || ends_care) {
            continue;
        }
        if window && dec.is_some_and(|d| d < from || d > cx.end) {
            continue;
        }
        let child_starts = match child_of(e, r) {
            Some(c) => starts(&mut sw.rows_of(c).iter().map(|&r| r as usize)),
            None => missing.clone(),
        };
        let Some((dates, undated)) = child_starts else {
            f.flag(T::Episodes, r);
            continue;
        };
        if undated {
            f.flag(T::Episodes, r);
            continue;
        }
        // A start fails when it is after `after` (or there is no such bound) and before
        // `before` (or no such bound).
        let after = if ends_care { dec } else { None };
        let before = if starts_care { decom } else { None };
        let first = match after {
            Some(a) => dates.partition_point(|d| *d <= a),
            None => 0,
        };
        if dates
            .get(first)
            .is_some_and(|d| before.is_none_or(|b| *d < b))
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
    fn social_worker_episodes_cover_care() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n\
                 1,01/05/2025,S,C2,,\n\
                 2,01/05/2025,S,C2,,\n\
                 3,01/05/2025,P,C2,01/06/2025,E11\n\
                 4,01/05/2025,P,C2,01/06/2025,X1\n\
                 5,01/05/2025,S,V3,,\n\
                 6,01/05/2025,S,C2,,\n\
                 7,01/05/2023,P,C2,01/06/2023,E11",
            ),
            (
                T::SwEpisodes,
                "CHILD,SW_DECOM\n1,01/05/2025\n2,01/04/2025\n3,02/06/2025\n6,\n7,01/07/2023",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 5]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 2, 5, 6]));
    }
}
