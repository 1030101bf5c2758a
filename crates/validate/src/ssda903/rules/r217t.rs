use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// P2 placements were withdrawn on 28 October 2023: an episode in P2 must have ended
    /// by then (an open episode, or one whose end date is not a valid date, is flagged).
        code: "217t",
        message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
        fields: ["PLACE", "DECOM"],
    tables: [Episodes],
        years: Y2023_24..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (place, dec) = (t.col("PLACE"), t.col("DEC"));
    let cutoff = Date::ymd(2023, 10, 28);
    for r in t.rows() {
        if place.str(r) == Some("P2") && dec.date(r).is_none_or(|d| d > cutoff) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn p2_after_october_2023() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,DEC\n1,P2,28/10/2023\n2,P2,29/10/2023\n3,P2,\n4,P1,\n5,P2,BAD",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 2, 4]));
    }
}
