use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The number of adopters, when given, must be 1 or 2.
    code: "175",
    message: "The number of adopter(s) code is not a valid code.",
    fields: ["NB_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Ad1,
        column: "NB_ADOPTR",
        codes: &["1", "2"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Ad1, "CHILD,NB_ADOPTR\n1,1\n2,XX9\n3,1\n4,\n5,2")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1]));
    }
}
