use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// RNE U or B (placement and legal status both changed): compared with the child's
    /// previous episode (DECOM order) the legal status and the placement (PLACE, PL_POST,
    /// URN, PLACE_PROVIDER) must both differ; blank equals blank.
    code: "436",
    message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
    fields: ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let rne = eps.col("RNE");
    // The reference fills blanks with "*" before comparing.
    let cols: Vec<&Column> = ["LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"]
        .iter()
        .map(|c| eps.col(c))
        .collect();
    let same = |c: &Column, a: usize, b: usize| c.str(a).unwrap_or("*") == c.str(b).unwrap_or("*");
    for_each_previous_episode(eps, |prev, cur| {
        if is_in(rne, cur, &["U", "B"])
            && (same(cols[0], cur, prev) || cols[1..].iter().all(|c| same(c, cur, prev)))
        {
            f.flag(T::Episodes, cur);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn both_changed() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER
1,01/05/2025,S,C2,U1,AB1 1AA,,PR1
1,01/06/2025,U,C1,U2,AB1 1AA,,PR1
2,01/05/2025,S,C2,U1,AB1 1AA,,PR1
2,01/06/2025,B,C2,U2,AB1 1AA,,PR1
3,01/05/2025,S,C2,U1,AB1 1AA,,PR1
3,01/06/2025,U,C1,U1,AB1 1AA,,PR1
4,01/05/2025,S,,U1,AB1 1AA,,PR1
4,01/06/2025,U,,U2,AB1 1AA,,PR1",
        )]);
        // 4: blank legal statuses count as the same.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3, 5, 7]));
    }
}
