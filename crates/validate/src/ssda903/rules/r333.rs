use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Once a child is matched with adopters (DATE_MATCH), the decision that the child should
    /// be placed for adoption (DATE_INT) must be recorded and come no later than the match.
        code: "333",
        message: "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
        fields: ["DATE_INT"],
    tables: [Ad1],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Ad1);
    let (matched, int) = (t.col("DATE_MATCH"), t.col("DATE_INT"));
    for r in t.rows() {
        if let Some(m) = matched.date(r) {
            if int.date(r).is_none_or(|i| i > m) {
                f.flag(T::Ad1, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn decision_before_match() {
        let t = tables(&[(
            T::Ad1,
            "CHILD,DATE_INT,DATE_MATCH\n1,01/01/2020,01/01/2020\n2,02/01/2020,01/01/2020\n3,,01/01/2020\n4,BAD,01/01/2020\n5,02/01/2020,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2, 3]));
    }
}
