use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Each short-term respite episode (V3) is a break of its own, so it must start a
    /// period of care (RNE = S).
    code: "366",
    message: "A child cannot change placement during the course of an individual short-term respite break.",
    fields: ["RNE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, rne) = (t.col("LS"), t.col("RNE"));
        flag_where(cx, f, T::Episodes, |_, r| {
            ls.str(r) == Some("V3") && rne.str(r) != Some("S")
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_must_start_with_s() {
        let t = tables(&[(T::Episodes, "CHILD,LS,RNE\n1,V3,S\n2,V3,P\n3,V3,\n4,V4,P")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2]));
    }
}
