use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Respite episodes (V3, V4) carry no postcodes (from which the distance is derived).
    code: "398",
    message: "Distance field completed but child looked after under legal status V3 or V4.",
    fields: ["LS", "HOME_POST", "PL_POST"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, home_post, pl_post) = (t.col("LS"), t.col("HOME_POST"), t.col("PL_POST"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(ls, r, &["V3", "V4"])
                && (home_post.is_present(r) || pl_post.is_present(r))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn no_postcodes_for_respite() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,HOME_POST,PL_POST\n1,V3,AB1 1AA,\n2,V4,,CD1 1AA\n3,V3,,\n4,C2,AB1 1AA,CD1 1AA",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
