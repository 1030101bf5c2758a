use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The placeholder URN XXXXXXX is for regional adoption agencies: only adoption
    /// placement types (A3-A6, U1-U6) may use it.
        code: "242",
        message: "URN = 'XXXXXXX' can only be used for regional adoption agencies",
        fields: ["URN"],
    tables: [Episodes],
        years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

const ADOPTION: &[&str] = &["A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6"];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (place, urn) = (t.col("PLACE"), t.col("URN"));
    for r in t.rows() {
        if urn.str(r) == Some("XXXXXXX") && !place.str(r).is_some_and(|p| ADOPTION.contains(&p)) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placeholder_urn_outside_adoption() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,URN\n1,K2,XXXXXXX\n2,A3,XXXXXXX\n3,,XXXXXXX\n4,K2,123",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
