use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Legal status D1 was withdrawn at the end of 2005: no episode starting later may use it.
    code: "445",
    message: "D1 is not a valid code for episodes starting after December 2005.",
    fields: ["LS", "DECOM"],
    tables: [Episodes],
    years: Y2022_23..=Y2023_24,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let (ls, decom) = (t.col("LS"), t.col("DECOM"));
        flag_where(cx, f, T::Episodes, |_, r| {
            ls.str(r) == Some("D1")
                && decom.date(r).is_some_and(|d| d > Date::ymd(2005, 12, 31))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn d1_after_2005() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,LS,DECOM\n1,D1,01/01/2006\n2,D1,31/12/2005\n3,C2,01/01/2020\n4,D1,bad",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0]));
    }
}
