use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO cannot start after the collection year ends.
    code: "703",
    message: "The date that the DoLO started is after the end of the collection year.",
    fields: ["DOLO_START"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::DoLo);
    let start = t.col("DOLO_START");
    for r in t.rows() {
        if start.date(r).is_some_and(|d| d > cx.end) {
            f.flag(T::DoLo, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_after_year() {
        let t = tables(&[(T::DoLo, "CHILD,DOLO_START\n1,31/03/2027\n2,01/04/2027\n3,X")]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[1]));
    }
}
