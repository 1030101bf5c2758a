use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The category of need, when given, must be N1-N8.
    code: "145",
    message: "Category of need code is not a valid code.",
    fields: ["CIN"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Episodes,
        column: "CIN",
        codes: &["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Episodes, "CHILD,CIN\n1,N1\n2,XX9\n3,N1\n4,\n5,N8")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
