use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Placements P1, A3-A6, K1, K2 and U1-U6 are never provided by other public bodies (PR3).
    code: "529",
    message: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
    fields: ["PLACE", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Episodes, |t, r| {
        t.col("PLACE_PROVIDER").str(r) == Some("PR3")
            && t.col("PLACE").str(r).is_some_and(|p| ["A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6"].contains(&p))
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
            "CHILD,PLACE,PLACE_PROVIDER\n1,U6,PR3\n2,A3,PR3\n3,Q1,PR3\n4,A3,PR9\n5,,PR3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
