use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Placement with current foster carers for adoption (A3/A5) from 1 April 2015 starts a
    /// new episode for a reason S, T or U.
        code: "217",
        message: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
        fields: ["PLACE", "DECOM", "RNE"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (place, decom, rne) = (t.col("PLACE"), t.col("DECOM"), t.col("RNE"));
    let from = Date::ymd(2015, 4, 1);
    for r in t.rows() {
        if matches!(place.str(r), Some("A3" | "A5"))
            && decom.date(r).is_some_and(|d| d >= from)
            && !matches!(rne.str(r), Some("S" | "T" | "U"))
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
    fn adoption_with_foster_carers() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,DECOM,RNE\n1,A3,01/04/2015,P\n2,A5,01/04/2015,T\n3,A3,31/03/2015,P\n4,A5,01/05/2020,\n5,A3,XX,P",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 3]));
    }
}
