use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The placement type must be one the Ofsted provider lookup lists for the episode's URN
    /// (PLACE_CODES, comma-separated). A URN missing from the lookup, or a lookup row
    /// without placement codes, is flagged.
        code: "219",
        message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
        fields: ["URN", "PLACE"],
    tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, place) = (eps.col("URN"), eps.col("PLACE"));
    let codes = p.col("PLACE_CODES");
    let lookup = provider_rows(cx);
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        let bad = match lookup.get(u) {
            None => true,
            Some(prs) => prs.iter().any(|&pr| match (place.str(r), codes.str(pr)) {
                (Some(pl), Some(valid)) => !valid.split(',').any(|v| v == pl),
                _ => true,
            }),
        };
        if bad {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn place_matches_lookup() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,PLACE\n1,100,K2\n2,100,U1\n3,200,K2\n4,XXXXXXX,K2\n5,,K2\n6,300,K2",
            ),
            (T::ProviderInfo, "URN,PLACE_CODES\n100,K2,R1\n300,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 5]));
    }
}
