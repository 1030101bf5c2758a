use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement with parents (P1) cannot be under a single period of section 20
    /// accommodation (V2).
    code: "378",
    message: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
    fields: ["PLACE", "LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (place, ls) = (t.col("PLACE"), t.col("LS"));
        flag_where(cx, f, T::Episodes, |_, r| {
            place.str(r) == Some("P1") && ls.str(r) == Some("V2")
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn p1_under_v2() {
        let t = tables(&[(T::Episodes, "CHILD,PLACE,LS\n1,P1,V2\n2,P1,C2\n3,U1,V2\n4,,V2")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
