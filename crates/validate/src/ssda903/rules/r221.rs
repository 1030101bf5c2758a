use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// For an episode that is not a short break (LS V3/V4) in placement K1, K2, R3 or S1
        /// with a real URN and a placement postcode, the postcode (spaces removed) must be
        /// the provider's postcode in the Ofsted lookup.
        code: "221",
        message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
        fields: ["PL_POST"],
        tables: [Episodes, ProviderInfo],
        years: Y2022_23..=Y2022_23,
        check: Check::Custom(|cx, f| check(cx, f, &["K1", "K2", "R3", "S1"])),
    },
    rule! {
        /// As before, H5 added.
        code: "221",
        message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
        fields: ["PL_POST"],
        tables: [Episodes, ProviderInfo],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, &["H5", "K1", "K2", "R3", "S1"])),
    },
    rule! {
        /// As before, H5 replaced by K3.
        code: "221",
        message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
        fields: ["PL_POST"],
        tables: [Episodes, ProviderInfo],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, &["K1", "K2", "K3", "R3", "S1"])),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, places: &[&str]) {
    let (eps, p) = (cx.t(T::Episodes), cx.t(T::ProviderInfo));
    let (urn, ls, place, post) = (eps.col("URN"), eps.col("LS"), eps.col("PLACE"), eps.col("PL_POST"));
    let postcode = p.col("POSTCODE");
    let lookup = provider_rows(cx);
    for r in eps.rows() {
        let Some(u) = real_urn(urn.str(r)) else { continue };
        let Some(pc) = post.str(r) else { continue };
        if matches!(ls.str(r), Some("V3" | "V4")) || !place.str(r).is_some_and(|p| places.contains(&p)) {
            continue;
        }
        let pc = pc.replace(' ', "");
        let bad = match lookup.get(u) {
            None => true,
            Some(prs) => prs.iter().any(|&pr| postcode.str(pr) != Some(pc.as_str())),
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
    fn postcode_matches_lookup() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,URN,LS,PLACE,PL_POST\n1,100,C2,K2,AB1 2CD\n2,100,C2,K2,AB1 2CE\n3,100,V3,K2,AB1 2CE\n4,100,C2,H5,AB1 2CE\n5,100,C2,K3,AB1 2CE\n6,200,C2,K2,AB1 2CD\n7,100,C2,K2,",
            ),
            (T::ProviderInfo, "URN,POSTCODE\n100,AB12CD"),
        ]);
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::Episodes, &[1, 5]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 3, 5]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 4, 5]));
    }
}
