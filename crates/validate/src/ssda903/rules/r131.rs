use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every care leaver row must say whether the LA is in touch, with a valid code.
    code: "131",
    message: "Data entry for being in touch after leaving care is invalid.",
    fields: ["IN_TOUCH"],
    tables: [Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Oc3,
        column: "IN_TOUCH",
        codes: &["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"],
        blank_ok: false,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,XX9\n3,YES\n4,\n5,RHOM")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[1, 3]));
    }
}
