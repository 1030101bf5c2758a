use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of birth of the mother's child, when given, must be a real dd/mm/yyyy date.
    code: "171",
    message: "Date of birth of mother's child is not a valid date.",
    fields: ["MC_DOB"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Header, column: "MC_DOB", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_invalid_dates() {
        let t = tables(&[(T::Header, "CHILD,MC_DOB\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01\n5,1/2/2015")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 3]));
    }
}
