use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The legal status of the adopter(s), when given, must be a valid code.
    code: "177",
    message: "The legal status of adopter(s) code is not a valid code.",
    fields: ["LS_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Ad1,
        column: "LS_ADOPTR",
        codes: &["L0", "L11", "L12", "L2", "L3", "L4"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Ad1, "CHILD,LS_ADOPTR\n1,L0\n2,XX9\n3,L0\n4,\n5,L4")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1]));
    }
}
