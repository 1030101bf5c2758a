use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Legal status E1 (placement order) did not exist before December 2005, so an E1
    /// episode cannot start before 1 December 2005.
    code: "446",
    message: "E1 is not a valid code for episodes starting before December 2005.",
    fields: ["LS", "DECOM"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let (ls, decom) = (e.col("LS"), e.col("DECOM"));
    let cutoff = Date::ymd(2005, 12, 1);
    for r in e.rows() {
        if ls.str(r) == Some("E1") && decom.date(r).is_some_and(|d| d < cutoff) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn e1_before_december_2005() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,DECOM\n1,E1,30/11/2005\n2,E1,01/12/2005\n3,C2,01/01/2000\n4,E1,\n5,E1,2005-01-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
