use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// An own-provision placement (PR1), other than fostering or adoption and outside short
        /// breaks (V3/V4), must be in the reporting LA: the placement LA derived from the
        /// placement postcode (`PL_LA`) must be the LA's own code; a missing one is flagged.
        code: "1015",
        message: "Placement provider is own provision but child not placed in own LA.",
        fields: ["PL_LA"],
        tables: [Episodes],
        postcode_lookup: true,
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(check_2023),
    },
    rule! {
        /// As before, with K3 (residential accommodation not subject to children's homes
        /// regulations) also exempt from 2025-26.
        code: "1015",
        message: "Placement provider is own provision but child not placed in own LA.",
        fields: ["PL_LA"],
        tables: [Episodes],
        postcode_lookup: true,
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check_2026),
    },
];

const FOSTER_ADOPT: &[&str] = &["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"];

fn check_2023(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, FOSTER_ADOPT);
}

fn check_2026(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, &[FOSTER_ADOPT, &["K3"]].concat());
}

fn check(cx: &Ctx, f: &mut Flags<T>, exempt: &[&str]) {
    let e = cx.t(T::Episodes);
    let (place, ls, provider, pl_la) = (
        e.col("PLACE"),
        e.col("LS"),
        e.col("PLACE_PROVIDER"),
        e.col("PL_LA"),
    );
    for r in e.rows() {
        let (Some(p), Some(l)) = (place.str(r), ls.str(r)) else {
            continue;
        };
        if exempt.contains(&p) || matches!(l, "V3" | "V4") || provider.str(r) != Some("PR1") {
            continue;
        }
        if pl_la.str(r).is_none() || pl_la.str(r) != cx.la {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn own_provision_outside_the_la() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,PLACE,PLACE_PROVIDER,PL_LA\n\
             1,C2,K2,PR1,E09000027\n\
             2,C2,K2,PR1,E09000001\n\
             3,C2,K2,PR1,\n\
             4,C2,A3,PR1,E09000001\n\
             5,V3,K2,PR1,E09000001\n\
             6,C2,K2,PR2,E09000001\n\
             7,C2,K3,PR1,E09000001\n\
             8,,K2,PR1,E09000001\n\
             9,C2,,PR1,E09000001",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[1, 2, 6]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2]));
    }
}
