use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's recorded sex should agree with last year's return.
        code: "202",
        message: "The gender code conflicts with the gender already recorded for this child.",
        fields: ["SEX"],
    tables: [Header, HeaderLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| differs_from_last(cx, f, "SEX", |a, r, b, l| pd_str(a, r) != pd_str(b, l))),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn sex_changed() {
        let t = tables(&[
            (T::Header, "CHILD,SEX\n1,M\n2,F\n3,\n4,M\n5,"),
            (T::HeaderLast, "CHILD,SEX\n1,M\n2,M\n3,\n5,F"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 4]));
    }
}
