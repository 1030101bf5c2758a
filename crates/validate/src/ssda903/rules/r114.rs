use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Whether the adopters were the child's foster carers, when given, must be 0 or 1.
    code: "114",
    message: "Data entry to record the status of former carer(s) of an adopted child is invalid.",
    fields: ["FOSTER_CARE"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Ad1,
        column: "FOSTER_CARE",
        codes: &["0", "1"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Ad1, "CHILD,FOSTER_CARE\n1,0\n2,XX9\n3,0\n4,\n5,1")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1]));
    }
}
