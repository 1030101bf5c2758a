use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Respite care (V3, V4) cannot be in a temporary placement (T0–T4).
    code: "382",
    message: "A child receiving respite care cannot be in a temporary placement.",
    fields: ["LS", "PLACE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, place) = (t.col("LS"), t.col("PLACE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(ls, r, &["V3", "V4"])
                && is_in(place, r, &["T0", "T1", "T2", "T3", "T4"])
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_in_temporary_placement() {
        let t = tables(&[(T::Episodes, "CHILD,LS,PLACE\n1,V3,T0\n2,V4,T4\n3,C2,T1\n4,V3,U1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
