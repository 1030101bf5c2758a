use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Placements P1, R2 and R5 are never provided by another council (PR2).
    code: "528",
    message: "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.",
    fields: ["PLACE", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        t.col("PLACE_PROVIDER").str(r) == Some("PR2")
            && t.col("PLACE").str(r).is_some_and(|p| ["P1", "R2", "R5"].contains(&p))
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
            "CHILD,PLACE,PLACE_PROVIDER\n1,R5,PR2\n2,P1,PR2\n3,Q1,PR2\n4,P1,PR9\n5,,PR2",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
