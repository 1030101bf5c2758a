use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every placement except a V3/V4 short break must have a placement location (in or out of
    /// the LA), derived from a recognised placement postcode.
    code: "179",
    message: "Placement location code is not a valid code.",
    fields: ["PL_LOCATION"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (ls, location) = (t.col("LS"), t.col("PL_LOCATION"));
    for r in t.rows() {
        if !matches!(ls.str(r), Some("V3" | "V4")) && !location.is_present(r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn derived_location_needed() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,PL_LOCATION\n1,C2,IN\n2,C2,\n3,V3,\n4,,\n5,V4,IN",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
