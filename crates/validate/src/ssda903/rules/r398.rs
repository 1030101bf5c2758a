use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Respite episodes (V3, V4) carry no postcodes (from which the distance is derived).
    code: "398",
    message: "Distance field completed but child looked after under legal status V3 or V4.",
    fields: ["LS", "HOME_POST", "PL_POST"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        flag_where(cx, f, T::Episodes, |t, r| {
            is_in(t.col("LS"), r, &["V3", "V4"])
                && (t.col("HOME_POST").is_present(r) || t.col("PL_POST").is_present(r))
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
