use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period's end date must fall within the collection year.
    code: "571",
    message: "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
    fields: ["MIS_END"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Missing);
    let end = t.col("MIS_END");
    for r in t.rows() {
        if end.date(r).is_some_and(|d| d < cx.start || d > cx.end) {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn end_outside_year() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MIS_END\n1,31/03/2025\n2,01/04/2025\n3,31/03/2026\n4,01/04/2026\n5,X\n6,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0, 3]));
    }
}
