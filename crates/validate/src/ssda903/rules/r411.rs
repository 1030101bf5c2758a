use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement located in the LA (PL_LOCATION IN, derived from the postcode) must have
    /// the LA itself as the derived placement LA (PL_LA).
    code: "411",
    message: "Placement location code disagrees with LA of placement.",
    fields: ["PL_LOCATION"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (pl_location, pl_la) = (t.col("PL_LOCATION"), t.col("PL_LA"));
        flag_where(cx, f, T::Episodes, |_, r| {
            pl_location.str(r) == Some("IN")
                && (cx.la.is_none() || pl_la.str(r) != cx.la)
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn in_la_must_match() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PL_LOCATION,PL_LA\n1,IN,E09000027\n2,IN,E09000001\n3,IN,\n4,OUT,E09000001",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2]));
    }
}
