use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO's end date must fall within the collection year.
    code: "704",
    message: "The date that the DoLO ended is before the start or after the end of the collection year.",
    fields: ["DOLO_END"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::DoLo);
    let end = t.col("DOLO_END");
    for r in t.rows() {
        if end.date(r).is_some_and(|d| d < cx.start || d > cx.end) {
            f.flag(T::DoLo, r);
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
            T::DoLo,
            "CHILD,DOLO_END\n1,31/03/2026\n2,01/04/2026\n3,31/03/2027\n4,01/04/2027\n5,",
        )]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[0, 3]));
    }
}
