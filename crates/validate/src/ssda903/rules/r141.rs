use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The episode start date, when given, must be a real dd/mm/yyyy date (a missing one is
    /// left to other rules).
    code: "141",
    message: "Date episode began is not a valid date.",
    fields: ["DECOM"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Episodes, column: "DECOM", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_invalid_dates() {
        let t = tables(&[(T::Episodes, "CHILD,DECOM\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01\n5,1/2/2015")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 3]));
    }
}
