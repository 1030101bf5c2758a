use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// MISSING, when given, must be M (missing) or A (away without authorisation).
    code: "1006",
    message: "Missing type invalid.",
    fields: ["MISSING"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn { table: T::Missing, column: "MISSING", codes: &["M", "A"], blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn codes() {
        let t = tables(&[(T::Missing, "CHILD,MISSING\n1,M\n2,A\n3,\n4,X")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[3]));
    }
}
