use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// RNE P or T (placement changed, legal status unchanged): compared with the child's
    /// previous episode (DECOM order) the legal status must be the same and the placement
    /// (PLACE, PL_POST, URN, PLACE_PROVIDER) must differ. Blank cells never compare equal.
    code: "435",
    message: "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.",
    fields: ["LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
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
        if is_in(rne, cur, &["P", "T"])
            && (py_ne(ls.str(cur), ls.str(prev))
                || placement.iter().all(|c| py_eq(c.str(cur), c.str(prev))))
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
    fn placement_change_only() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER
1,01/05/2025,S,C2,U1,AB1 1AA,1,PR1
1,01/06/2025,P,C2,U2,AB1 1AA,1,PR1
2,01/05/2025,S,C2,U1,AB1 1AA,1,PR1
2,01/06/2025,T,C1,U2,AB1 1AA,1,PR1
3,01/05/2025,S,C2,U1,AB1 1AA,1,PR1
3,01/06/2025,P,C2,U1,AB1 1AA,1,PR1
4,01/05/2025,S,C2,U1,AB1 1AA,,PR1
4,01/06/2025,P,C2,U1,AB1 1AA,,PR1
5,01/05/2025,S,,U1,AB1 1AA,1,PR1
5,01/06/2025,P,,U2,AB1 1AA,1,PR1",
        )]);
        // 4: blank URNs are not equal, so the placement counts as changed; 5: blank legal
        // statuses count as different.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[3, 5, 9]));
    }
}
