use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Episodes of a child must not overlap: each episode, taken in start-date order, must
    /// start on or after the end of the one before it.
    code: "501",
    message: "A new episode has started before the end date of the previous episode.",
    fields: ["DECOM", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let (decom, dec) = (e.col("DECOM"), e.col("DEC"));
    for rows in child_rows_by_date(e, "DECOM") {
        for w in rows.windows(2) {
            let (prev, cur) = (w[0] as usize, w[1] as usize);
            if let (Some(start), Some(prev_end)) = (decom.date(cur), dec.date(prev)) {
                if start < prev_end {
                    f.flag(T::Episodes, cur);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn overlapping_episodes() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC\n1,01/03/2025,\n1,01/01/2025,02/03/2025\n2,01/01/2025,01/02/2025\n\
             2,01/02/2025,\n3,01/01/2025,01/06/2025\n3,,\n3,01/05/2025,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 6]));
    }
}
