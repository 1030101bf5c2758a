use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// RNE L (legal status changed, placement unchanged): compared with the child's
    /// previous episode (DECOM order) the legal status must differ and PLACE, PL_POST, URN
    /// and PLACE_PROVIDER must all be the same (blank equals blank).
    code: "434",
    message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
    fields: ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (rne, ls) = (eps.col("RNE"), eps.col("LS"));
    let placement: Vec<&Column> = ["PLACE", "PL_POST", "URN", "PLACE_PROVIDER"]
        .iter()
        .map(|c| eps.col(c))
        .collect();
    for_each_previous_episode(eps, |prev, cur| {
        if rne.str(cur) == Some("L")
            && (py_eq(ls.str(cur), ls.str(prev))
                || placement.iter().any(|c| c.text(cur) != c.text(prev)))
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
    fn legal_status_change_only() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER
1,01/05/2025,S,C2,U1,AB1 1AA,,PR1
1,01/06/2025,L,C1,U1,AB1 1AA,,PR1
2,01/05/2025,S,C2,U1,AB1 1AA,,PR1
2,01/06/2025,L,C2,U1,AB1 1AA,,PR1
3,01/05/2025,S,C2,U1,AB1 1AA,,PR1
3,01/06/2025,L,C1,U2,AB1 1AA,,PR1
4,01/05/2025,S,,U1,AB1 1AA,,PR1
4,01/06/2025,L,,U1,AB1 1AA,,PR1",
        )]);
        // 4: blank legal statuses are not "the same" (NaN == NaN is false).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3, 5]));
    }
}
