use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Respite care (V3, V4) cannot be in a long-term foster placement (U1, U4).
    code: "384",
    message: "A child receiving respite care cannot be in a long-term foster placement ",
    fields: ["PLACE", "LS"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, place) = (t.col("LS"), t.col("PLACE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(ls, r, &["V3", "V4"]) && is_in(place, r, &["U1", "U4"])
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_in_long_term_foster() {
        let t = tables(&[(T::Episodes, "CHILD,LS,PLACE\n1,V3,U1\n2,V4,U4\n3,V3,U2\n4,C2,U1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
