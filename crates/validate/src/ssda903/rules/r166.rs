use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every review row must carry a review date that is a real dd/mm/yyyy date.
    code: "166",
    message: "Date of review is invalid or blank.",
    fields: ["REVIEW"],
    tables: [Reviews],
    years: Y2022_23..=Y2026_27,
    check: Check::ValidDate { table: T::Reviews, column: "REVIEW", blank_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_invalid_dates() {
        let t = tables(&[(T::Reviews, "CHILD,REVIEW\n1,01/02/2015\n2,31/02/2015\n3,\n4,2015-02-01\n5,1/2/2015")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Reviews, &[1, 2, 3]));
    }
}
