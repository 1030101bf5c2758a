use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// At most two holiday placements (T3) per child in the return; with three or more,
    /// every T3 episode of the child is flagged (the reference does not look at dates).
    code: "377",
    message: "Only two temporary placements coded as being due to holiday of usual foster carer(s) are allowed in any 12- month period.",
    fields: ["PLACE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let place = eps.col("PLACE");
    for rows in eps.by_child().values() {
        let t3: Vec<usize> = rows
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| place.str(r) == Some("T3"))
            .collect();
        if t3.len() > 2 {
            for r in t3 {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn more_than_two_holiday_placements() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,PLACE\n1,T3\n1,U1\n1,T3\n1,T3\n2,T3\n2,T3\n,T3\n,T3\n,T3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 3]));
    }
}
