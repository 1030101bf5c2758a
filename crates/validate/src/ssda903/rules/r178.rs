use super::prelude::*;

const PROVIDERS: &[&str] = &["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"];

pub const RULES: &[Rule] = &[
    rule! {
        /// The placement provider, when given, must be PR0-PR5, and must be blank for
        /// placements with no provider (T0-T4, Z1).
        code: "178",
        message: "Placement provider code is not a valid code.",
        fields: ["PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, &["T0", "T1", "T2", "T3", "T4", "Z1"])),
    },
    rule! {
        /// The placement provider, when given, must be PR0-PR5, and must be blank for
        /// placements with no provider (T0-T3, Z11-Z14, the codes from 2025-26).
        code: "178",
        message: "Placement provider code is not a valid code.",
        fields: ["PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| {
            check(cx, f, &["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"])
        }),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, no_provider: &[&str]) {
    let t = cx.t(T::Episodes);
    let (provider, place) = (t.col("PLACE_PROVIDER"), t.col("PLACE"));
    for r in t.rows() {
        let Some(p) = provider.str(r) else { continue };
        let none_expected = place.str(r).is_some_and(|pl| no_provider.contains(&pl));
        if !PROVIDERS.contains(&p) || none_expected {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn provider_codes_by_year() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,PLACE_PROVIDER\n1,U1,PR1\n2,U1,PR9\n3,T4,PR1\n4,Z11,PR2\n5,T0,\n6,,PR0\n7,U1,",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[1, 2]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
