use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of the decision to place for adoption, when given, must be a real dd/mm/yyyy date.
    code: "115",
    message: "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
    fields: ["DATE_PLACED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::PlacedAdoption, column: "DATE_PLACED", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_invalid_dates() {
        let t = tables(&[(T::PlacedAdoption, "CHILD,DATE_PLACED\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01\n5,1/2/2015")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[1, 3]));
    }
}
