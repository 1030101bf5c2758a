use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A new episode that follows on the same day from one ended with REC X1 (episode ceases,
    /// child stays looked after) is the same period of care, so its category of need must
    /// not change (two blanks count as different, as in the reference).
    code: "504",
    message: "The category of need code differs from that reported at start of current period of being looked after",
    fields: ["CIN"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let (decom, dec, rec, cin) = (e.col("DECOM"), e.col("DEC"), e.col("REC"), e.col("CIN"));
    for rows in child_rows_by_date(e, "DECOM") {
        for w in rows.windows(2) {
            let (prev, cur) = (w[0] as usize, w[1] as usize);
            let follows = rec.str(prev) == Some("X1")
                && dec.date(prev).is_some()
                && dec.date(prev) == decom.date(cur);
            let same_cin = cin.str(cur).is_some() && cin.str(cur) == cin.str(prev);
            if follows && !same_cin {
                f.flag(T::Episodes, cur);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn category_of_need_kept_within_period_of_care() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,REC,CIN\n1,01/02/2025,,,N2\n1,01/01/2025,01/02/2025,X1,N1\n\
             2,01/01/2025,01/02/2025,X1,N1\n2,01/02/2025,,,N1\n3,01/01/2025,01/02/2025,E11,N1\n\
             3,01/02/2025,,,N2\n4,01/01/2025,01/02/2025,X1,\n4,01/02/2025,,,\n5,01/01/2025,01/02/2025,X1,N1\n\
             5,02/02/2025,,,N2",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 7]));
    }
}
