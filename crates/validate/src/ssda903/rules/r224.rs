use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The placement provider must be one the Ofsted provider lookup lists for the episode's
    /// URN (PROVIDER_CODES, comma-separated). A URN missing from the lookup is flagged.
        code: "224",
        message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
        fields: ["PLACE_PROVIDER"],
    tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, provider) = (eps.col("URN"), eps.col("PLACE_PROVIDER"));
    let codes = p.col("PROVIDER_CODES");
    let lookup = provider_rows(cx);
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        let bad = match lookup.get(u) {
            None => true,
            Some(prs) => prs.iter().any(|&pr| match (provider.str(r), codes.str(pr)) {
                (Some(pp), Some(valid)) => !valid.split(',').any(|v| v == pp),
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
    fn provider_matches_lookup() {
        // The test CSV splits on commas, so each lookup row lists one code here.
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,PLACE_PROVIDER\n1,100,PR1\n2,100,PR2\n3,200,PR1\n4,XXXXXXX,PR1\n5,100,",
            ),
            (T::ProviderInfo, "URN,PROVIDER_CODES\n100,PR1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 4]));
    }
}
