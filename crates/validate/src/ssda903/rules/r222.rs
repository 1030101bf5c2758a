use super::prelude::*;

const V2023: &[&str] = &[
    "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
];
const V2024: &[&str] = &[
    "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
];
const V2025: &[&str] = &[
    "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
];
const V2026: &[&str] = &[
    "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
];

pub const RULES: &[Rule] = &[
    rule! {
        /// Placement types that are not Ofsted-registered (H5, P1-P3, R1, R2, R5, T0-T4,
        /// Z1) carry no URN other than the placeholder XXXXXXX.
        code: "222",
        message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
        fields: ["URN"],
        tables: [Episodes],
        years: Y2022_23..=Y2022_23,
        check: Check::Custom(|cx, f| check(cx, f, V2023)),
    },
    rule! {
        /// As before, without H5, which needs a URN from 2023-24.
        code: "222",
        message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
        fields: ["URN"],
        tables: [Episodes],
        years: Y2023_24..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, V2024)),
    },
    rule! {
        /// As before, without P2, withdrawn in 2023.
        code: "222",
        message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
        fields: ["URN"],
        tables: [Episodes],
        years: Y2024_25..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, V2025)),
    },
    rule! {
        /// As before, with Z1 split into Z11-Z14 from 2025-26.
        code: "222",
        message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
        fields: ["URN"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, V2026)),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, places: &[&str]) {
    let t = cx.t(T::Episodes);
    let (place, urn) = (t.col("PLACE"), t.col("URN"));
    for r in t.rows() {
        if place.str(r).is_some_and(|p| places.contains(&p)) && real_urn(urn.str(r)).is_some() {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn urn_on_unregistered_placements() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,URN\n1,H5,123\n2,P2,123\n3,Z1,123\n4,Z11,123\n5,P1,XXXXXXX\n6,P1,\n7,U1,123",
        )]);
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::Episodes, &[0, 1, 2]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[1, 2]));
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[2]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3]));
    }
}
