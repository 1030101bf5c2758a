use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement with parents (P1) is never provided by a private provider (PR4).
    code: "530",
    message: "A placement provider code of PR4 cannot be associated with placement P1.",
    fields: ["PLACE", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        t.col("PLACE_PROVIDER").str(r) == Some("PR4")
            && t.col("PLACE").str(r).is_some_and(|p| ["P1"].contains(&p))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn provider_cannot_offer_placement() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE,PLACE_PROVIDER\n1,P1,PR4\n2,P1,PR4\n3,Q1,PR4\n4,P1,PR9\n5,,PR4",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
