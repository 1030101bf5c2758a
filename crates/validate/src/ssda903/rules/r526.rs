use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// Every placement needs a provider code, except placements not provided by anyone
        /// (T0-T4 temporary, Z1 other).
        code: "526",
        message: "Child is missing a placement provider code for at least one episode.",
        fields: ["PLACE", "PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(check_to_2025),
    },
    rule! {
        /// Every placement needs a provider code, except T0-T4 and, from 2025-26, the
        /// Z11-Z14 codes that replaced Z1.
        code: "526",
        message: "Child is missing a placement provider code for at least one episode.",
        fields: ["PLACE", "PLACE_PROVIDER"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check_from_2026),
    },
];

fn check_with(cx: &Ctx, f: &mut Flags<T>, exempt: &[&str]) {
    flag_where(cx, f, T::Episodes, |t, r| {
        !t.col("PLACE_PROVIDER").is_present(r)
            && !t.col("PLACE").str(r).is_some_and(|p| exempt.contains(&p))
    });
}

fn check_to_2025(cx: &Ctx, f: &mut Flags<T>) {
    check_with(cx, f, &["T0", "T1", "T2", "T3", "T4", "Z1"]);
}

fn check_from_2026(cx: &Ctx, f: &mut Flags<T>) {
    check_with(cx, f, &["T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn missing_provider_by_year() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,PLACE_PROVIDER\n1,K2,\n2,T1,\n3,Z1,\n4,Z11,\n5,K2,PR1\n6,,",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[0, 3, 5]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 5]));
    }
}
