use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period cannot start after the collection year ends.
    code: "570",
    message: "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
    fields: ["MIS_START"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Missing);
    let start = t.col("MIS_START");
    for r in t.rows() {
        if start.date(r).is_some_and(|d| d > cx.end) {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_after_year_end() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MIS_START\n1,31/03/2026\n2,01/04/2026\n3,X\n4,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1]));
    }
}
