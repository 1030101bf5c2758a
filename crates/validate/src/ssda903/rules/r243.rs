use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement outside England (placement LA CON, NIR, SCO, WAL or NUK, derived from
    /// the placement postcode) has no Ofsted URN.
        code: "243",
        message: "Only placements with providers registered with Ofsted should have a URN reported.",
        fields: ["URN"],
    tables: [Episodes],
    postcode_lookup: true,
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (pl_la, urn) = (t.col("PL_LA"), t.col("URN"));
    for r in t.rows() {
        if matches!(pl_la.str(r), Some("CON" | "NIR" | "SCO" | "WAL" | "NUK")) && urn.is_present(r)
        {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn urn_outside_england() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PL_LA,URN\n1,SCO,123\n2,WAL,\n3,E09000027,123\n4,,123",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
