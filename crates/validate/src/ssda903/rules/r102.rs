use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A date of birth must be given and be a real dd/mm/yyyy date: every age-based rule
    /// depends on it.
    code: "102",
    message: "Date of birth is not a valid date.",
    fields: ["DOB"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Header, column: "DOB", blank_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_present_but_invalid_dates() {
        let t = tables(&[(T::Header, "CHILD,DOB\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 2, 3]));
    }
}
