use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date the LA decided the child should be placed for adoption, when given, must be a real dd/mm/yyyy date.
    code: "112",
    message: "Date should be placed for adoption is not a valid date.",
    fields: ["DATE_INT"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Ad1, column: "DATE_INT", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_invalid_dates() {
        let t = tables(&[(T::Ad1, "CHILD,DATE_INT\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01\n5,1/2/2015")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 3]));
    }
}
