use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Provider code PR0 (parent or person with parental responsibility) belongs only to a
    /// placement with parents, P1.
    code: "550",
    message: "A placement provider code of PR0 can only be associated with placement P1.",
    fields: ["PLACE", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        t.col("PLACE_PROVIDER").str(r) == Some("PR0") && t.col("PLACE").str(r) != Some("P1")
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn pr0_only_with_p1() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,PLACE_PROVIDER\n1,K2,PR0\n2,,PR0\n3,P1,PR0\n4,K2,PR1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
