use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// After a temporary placement (T0–T4) the child returns to the placement held
        /// before it: the next episode has RNE = P and the same PLACE as the one before the
        /// temporary placement (episodes ordered by DECOM read day first).
        code: "383",
        message: "A child in a temporary placement must subsequently return to his/her normal placement.",
        fields: ["PLACE"],
        tables: [Episodes],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, false)),
    },
    rule! {
        /// From 2025-26 the returning episode must also have the same placement postcode.
        code: "383",
        message: "A child in a temporary placement must subsequently return to his/her normal placement.",
        fields: ["PLACE", "RNE", "PL_POST"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, true)),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, postcode: bool) {
    let eps = cx.t(T::Episodes);
    let (decom, place, rne, post) = (
        eps.col("DECOM"),
        eps.col("PLACE"),
        eps.col("RNE"),
        eps.col("PL_POST"),
    );
    let dates: Vec<Option<(Date, u32)>> = eps
        .rows()
        .map(|r| match decom.date(r) {
            // A strict dd/mm/yyyy date reads the same day first.
            Some(d) => in_pandas_range(d).map(|d| (d, 0)),
            None => decom.str(r).and_then(|s| parse_dayfirst_stamp(s).map(split_stamp)),
        })
        .collect();
    for_each_child_sorted(eps, |r| nat_last_key(dates.get(r).copied().flatten()), |rows| {
        for w in rows.windows(3) {
            let [before, temp, cur] = [w[0], w[1], w[2]];
            if !is_in(place, temp, &["T0", "T1", "T2", "T3", "T4"]) {
                continue;
            }
            if rne.str(cur) != Some("P")
                || py_ne(place.str(cur), place.str(before))
                || (postcode && py_ne(post.str(cur), post.str(before)))
            {
                f.flag(T::Episodes, cur);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    const EPS: &str = "CHILD,DECOM,RNE,PLACE,PL_POST
1,01/05/2025,S,U1,AB1 1AA
1,01/06/2025,P,T1,ZZ1 1ZZ
1,10/06/2025,P,U1,AB1 1AA
2,01/05/2025,S,U1,AB1 1AA
2,01/06/2025,P,T1,ZZ1 1ZZ
2,10/06/2025,P,U2,AB1 1AA
3,01/05/2025,S,U1,AB1 1AA
3,01/06/2025,P,T3,ZZ1 1ZZ
3,10/06/2025,P,U1,CD1 1AA
4,10/06/2025,P,U1,
4,2025-05-01,S,U1,
4,1 JUNE 2025,P,T2,";

    #[test]
    fn return_to_the_normal_placement() {
        let t = tables(&[(T::Episodes, EPS)]);
        // 2 comes back to another placement; 3 to another postcode (from 2025-26); 4 is
        // ordered by dates read day first and comes back without postcodes on either side,
        // which the 2025-26 version flags (missing never equals missing).
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[5]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[5, 8, 9]));
    }
}
