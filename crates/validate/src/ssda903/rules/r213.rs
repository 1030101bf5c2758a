use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// Temporary placements (T0-T4) have no placement provider.
        code: "213",
        message: "Placement provider information not required.",
        fields: ["PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, &["T0", "T1", "T2", "T3", "T4"])),
    },
    rule! {
        /// Temporary placements (T0-T4) and the 2025-26 Z11-Z14 codes have no placement
        /// provider.
        code: "213",
        message: "Placement provider information not required.",
        fields: ["PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| {
            check(cx, f, &["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"])
        }),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, places: &[&str]) {
    let t = cx.t(T::Episodes);
    let (place, provider) = (t.col("PLACE"), t.col("PLACE_PROVIDER"));
    for r in t.rows() {
        if place.str(r).is_some_and(|p| places.contains(&p)) && provider.is_present(r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn provider_on_temporary_placements() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,PLACE_PROVIDER\n1,T0,PR1\n2,T0,\n3,Z11,PR1\n4,U1,PR1",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
