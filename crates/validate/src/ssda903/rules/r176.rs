use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The sex of the adopter(s), when given, must be M1, F1, MM, FF or MF.
    code: "176",
    message: "The gender of adopter(s) at the date of adoption code is not a valid code.",
    fields: ["SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Ad1,
        column: "SEX_ADOPTR",
        codes: &["M1", "F1", "MM", "FF", "MF"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Ad1, "CHILD,SEX_ADOPTR\n1,M1\n2,XX9\n3,M1\n4,\n5,MF")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1]));
    }
}
