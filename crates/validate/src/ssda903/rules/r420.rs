use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Respite episodes (V3, V4) have no placement LA (derived from the placement postcode).
    code: "420",
    message: "LA of placement completed but child is looked after under legal status V3 or V4.",
    fields: ["PL_LA"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, pl_la) = (t.col("LS"), t.col("PL_LA"));
        flag_where(cx, f, T::Episodes, |_, r| {
            is_in(ls, r, &["V3", "V4"]) && pl_la.is_present(r)
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn no_placement_la_for_respite() {
        let t = tables(&[(T::Episodes, "CHILD,LS,PL_LA\n1,V3,E09000027\n2,V4,\n3,C2,E09000027")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
