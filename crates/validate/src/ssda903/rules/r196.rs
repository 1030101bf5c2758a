use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The reason for no SDQ score, when given, must be SDQ1-SDQ5.
    code: "196",
    message: "Strengths and Difficulties (SDQ) reason is not a valid code.",
    fields: ["SDQ_REASON"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Oc2,
        column: "SDQ_REASON",
        codes: &["SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Oc2, "CHILD,SDQ_REASON\n1,SDQ1\n2,XX9\n3,SDQ1\n4,\n5,SDQ5")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1]));
    }
}
