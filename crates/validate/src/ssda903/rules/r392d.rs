use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The home and placement postcodes can only be the same for a placement with parents
    /// (P1).
    code: "392d",
    message: "Home and placement postcodes should not be same unless the placement type is P1.",
    fields: ["HOME_POST", "PL_POST", "PLACE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (place, home_post, pl_post) = (t.col("PLACE"), t.col("HOME_POST"), t.col("PL_POST"));
        flag_where(cx, f, T::Episodes, |_, r| {
            place.str(r) != Some("P1")
                && py_eq(home_post.str(r), pl_post.str(r))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn same_postcodes_only_for_p1() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,HOME_POST,PL_POST\n1,U1,AB1 1AA,AB1 1AA\n2,P1,AB1 1AA,AB1 1AA\n3,,AB1 1AA,AB1 1AA\n4,U1,,\n5,U1,AB1 1AA,AB11AA",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
