use super::prelude::*;

const EXEMPT_2023: &[&str] = &[
    "H5", "P1", "P2", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
];
const EXEMPT_2025: &[&str] = &[
    "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z1",
];
const EXEMPT_2026: &[&str] = &[
    "P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14",
];

/// Outside England before 2025-26: the placement LA, as text, starts with N, W, S or C. A
/// placement LA that could not be derived reads "nan" there, so it counts as outside too.
fn starts_nwsc(pl_la: Option<&str>) -> bool {
    pl_la
        .unwrap_or("NAN")
        .to_uppercase()
        .starts_with(['N', 'W', 'S', 'C'])
}

/// Outside England from 2025-26: one of the placement LA codes for other countries.
fn other_country(pl_la: Option<&str>) -> bool {
    matches!(pl_la, Some("CON" | "NIR" | "SCO" | "WAL" | "NUK"))
}

pub const RULES: &[Rule] = &[
    rule! {
        /// An episode open on or after 1 April in a registered placement in England needs an
        /// Ofsted URN (placement types that are not registered are exempt).
        code: "218",
        message: "Ofsted Unique reference number (URN) is required.",
        fields: ["URN"],
        tables: [Episodes],
        postcode_lookup: true,
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, EXEMPT_2023, starts_nwsc)),
    },
    rule! {
        /// As before; H5 and P2 are no longer exempt.
        code: "218",
        message: "Ofsted Unique reference number (URN) is required.",
        fields: ["URN"],
        tables: [Episodes],
        postcode_lookup: true,
        years: Y2024_25..=Y2024_25,
        check: Check::Custom(|cx, f| check(cx, f, EXEMPT_2025, starts_nwsc)),
    },
    rule! {
        /// As before, with Z1 split into Z11-Z14, and "outside England" read from the
        /// placement LA codes CON, NIR, SCO, WAL, NUK (an underived placement LA is not
        /// exempt).
        code: "218",
        message: "Ofsted Unique reference number (URN) is required.",
        fields: ["URN"],
        tables: [Episodes],
        postcode_lookup: true,
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, EXEMPT_2026, other_country)),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, exempt: &[&str], outside: fn(Option<&str>) -> bool) {
    let t = cx.t(T::Episodes);
    let (dec, urn, place, pl_la) = (t.col("DEC"), t.col("URN"), t.col("PLACE"), t.col("PL_LA"));
    for r in t.rows() {
        let open_in_year = dec.date(r).is_some_and(|d| d >= cx.start) || !dec.is_present(r);
        if open_in_year
            && !urn.is_present(r)
            && !place.str(r).is_some_and(|p| exempt.contains(&p))
            && !outside(pl_la.str(r))
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
    fn urn_required() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DEC,URN,PLACE,PL_LA\n1,,,U1,E09000027\n2,31/03/2023,,U1,E09000027\n3,,,H5,E09000027\n4,,,U1,SCO\n5,,,U1,\n6,,123,U1,E09000027\n7,BAD,,U1,E09000027\n8,,,Z11,E09000027",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0, 7]));
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[0, 2, 7]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 4]));
    }
}
