use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's ethnic origin code should agree with last year's return.
        code: "204",
        message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
        fields: ["ETHNIC"],
    tables: [Header, HeaderLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| differs_from_last(cx, f, "ETHNIC", |a, r, b, l| !pd_str(a, r).eq_ignore_ascii_case(pd_str(b, l)))),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ethnic_changed() {
        let t = tables(&[
            (T::Header, "CHILD,ETHNIC\n1,WBRI\n2,WIRI\n3,\n4,NAN"),
            (T::HeaderLast, "CHILD,ETHNIC\n1,WBRI\n2,WBRI\n3,WBRI\n4,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 2]));
    }
}
