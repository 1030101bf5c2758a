use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's earliest episode (by valid DECOM), when it starts in this collection year,
    /// must have RNE = S: it cannot continue an episode the return does not hold.
    code: "357",
    message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
    fields: ["RNE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (decom, rne) = (eps.col("DECOM"), eps.col("RNE"));
    for rows in eps.by_child().values() {
        let mut first: Option<(Date, usize)> = None;
        for &r in rows {
            let r = r as usize;
            if let Some(d) = decom.date(r) {
                if first.is_none_or(|(best, _)| d < best) {
                    first = Some((d, r));
                }
            }
        }
        if let Some((d, r)) = first {
            if d >= cx.start && rne.str(r) != Some("S") {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn first_episode_in_year_must_be_s() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,RNE\n1,01/05/2025,P\n1,01/06/2025,S\n2,01/05/2024,P\n3,01/05/2025,S\n4,bad,P\n4,01/07/2025,\n5,01/05/2025,P\n5,01/05/2025,S",
        )]);
        // 1: earliest is P; 2: before the year; 3: S; 4: only valid date has no RNE;
        // 5: tie, the first row wins.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 5, 6]));
    }
}
