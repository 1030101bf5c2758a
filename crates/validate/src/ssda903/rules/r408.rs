use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement for adoption with a placement order (A5, A6) needs the placement order
    /// legal status (E1).
    code: "408",
    message: "Child is placed for adoption with a placement order, but no placement order has been recorded.",
    fields: ["PLACE", "LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (place, ls) = (t.col("PLACE"), t.col("LS"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(place, r, &["A5", "A6"]) && ls.str(r) != Some("E1")
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placement_order_needed() {
        let t = tables(&[(T::Episodes, "CHILD,PLACE,LS\n1,A5,C2\n2,A6,E1\n3,A6,\n4,A3,C2")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
