use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A K3 placement with a URN is with the authority's own provider: the placement LA
    /// derived from the placement postcode must be the reporting LA (an underived placement
    /// LA does not match).
        code: "241",
        message: "LA of placement is not an LA the provider has premises.",
        fields: ["URN"],
    tables: [Episodes],
    postcode_lookup: true,
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (urn, place, pl_la) = (t.col("URN"), t.col("PLACE"), t.col("PL_LA"));
    for r in t.rows() {
        if real_urn(urn.str(r)).is_some()
            && place.str(r) == Some("K3")
            && (pl_la.str(r).is_none() || pl_la.str(r) != cx.la)
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
    fn k3_in_own_la() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,URN,PLACE,PL_LA\n1,123,K3,E09000027\n2,123,K3,E09000001\n3,123,K3,\n4,XXXXXXX,K3,E09000001\n5,123,K2,E09000001",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2]));
    }
}
