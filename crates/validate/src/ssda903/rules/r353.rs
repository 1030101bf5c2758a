use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The Children Act 1989 came into force on 14 October 1991; no episode starts earlier.
        code: "353",
        message: "No episode submitted can start before 14 October 1991.",
        fields: ["DECOM"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let decom = t.col("DECOM");
    let min = Date::ymd(1991, 10, 14);
    for r in t.rows() {
        if decom.date(r).is_some_and(|d| d < min) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn before_children_act() {
        let t = tables(&[(T::Episodes, "CHILD,DECOM\n1,13/10/1991\n2,14/10/1991\n3,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
