use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every placement except a V3/V4 short break must have a placement LA, derived from a
    /// recognised placement postcode.
    code: "169",
    message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
    fields: ["PL_LA"],
    tables: [Episodes],
    postcode_lookup: true,
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (ls, pl_la) = (t.col("LS"), t.col("PL_LA"));
    for r in t.rows() {
        if !matches!(ls.str(r), Some("V3" | "V4")) && !pl_la.is_present(r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn derived_la_needed() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,PL_LA\n1,C2,E09000027\n2,C2,\n3,V3,\n4,,\n5,V4,E09000027",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
