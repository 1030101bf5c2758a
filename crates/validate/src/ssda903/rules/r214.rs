use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Short-break episodes (LS V3/V4) carry no placement postcode or URN.
        code: "214",
        message: "Placement location information not required.",
        fields: ["PL_POST", "URN"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (ls, post, urn) = (t.col("LS"), t.col("PL_POST"), t.col("URN"));
    for r in t.rows() {
        if matches!(ls.str(r), Some("V3" | "V4")) && (post.is_present(r) || urn.is_present(r)) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn short_breaks_without_location() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,PL_POST,URN\n1,V3,AB1 2CD,\n2,V4,,123\n3,V3,,\n4,C2,AB1 2CD,123",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
