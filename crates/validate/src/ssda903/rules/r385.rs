use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode cannot end after the end of the collection year.
    code: "385",
    message: "Date episode ceased must be on or before the end of the current collection year.",
    fields: ["DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Episodes);
        let dec = t.col("DEC");
        flag_where(cx, f, T::Episodes, |_, r| dec.date(r).is_some_and(|d| d > cx.end))
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn dec_after_year_end() {
        let t = tables(&[(T::Episodes, "CHILD,DEC\n1,31/03/2026\n2,01/04/2026\n3,\n4,bad")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
