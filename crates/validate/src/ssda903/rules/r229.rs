use super::prelude::*;

const NOT_REGISTERED: &[&str] = &[
    "K3", "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
];

pub const RULES: &[Rule] = &[
    rule! {
        /// A placement with the authority's own provider (PR1) is with a provider whose LA,
        /// inferred from its postcode in the Ofsted lookup, is the reporting LA; another
        /// LA's provision (PR2) is with one whose LA is not. A URN missing from the lookup
        /// fails the PR1 test.
        code: "229",
        message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
        fields: ["URN", "PLACE_PROVIDER"],
        tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, &[])),
    },
    rule! {
        /// As before, for registered placement types only (not K3, P1, P3, R1, R2, R5,
        /// T0-T4, Z11-Z14).
        code: "229",
        message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
        fields: ["URN", "PLACE_PROVIDER"],
        tables: [Episodes, ProviderInfo],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, NOT_REGISTERED)),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, skip: &[&str]) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, provider, place) = (eps.col("URN"), eps.col("PLACE_PROVIDER"), eps.col("PLACE"));
    let la_code = p.col("LA_CODE_INFERRED");
    let lookup = provider_rows(cx);
    let own = |pr: usize| la_code.str(pr).is_some() && la_code.str(pr) == cx.la;
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        if place.str(r).is_some_and(|p| skip.contains(&p)) {
            continue;
        }
        let prs: &[usize] = lookup.get(u).map_or(&[], Vec::as_slice);
        let bad = match provider.str(r) {
            // A URN without a lookup row leaves the inferred LA missing, which differs.
            Some("PR1") => prs.is_empty() || prs.iter().any(|&pr| !own(pr)),
            Some("PR2") => prs.iter().any(|&pr| own(pr)),
            _ => false,
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
    fn provider_la_matches() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,PLACE_PROVIDER,PLACE\n1,100,PR1,K2\n2,200,PR1,K2\n3,100,PR2,K2\n4,200,PR2,K2\n5,300,PR1,K2\n6,200,PR1,K3",
            ),
            (T::ProviderInfo, "URN,LA_CODE_INFERRED\n100,E09000027\n200,E09000001"),
        ]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[1, 2, 4, 5]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 4]));
    }
}
