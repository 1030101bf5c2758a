use super::prelude::*;

/// The CIN census codes for a category of abuse.
pub(super) const ABUSE: &[&str] = &["NEG", "PHY", "SAB", "EMO", "MUL"];

pub const RULES: &[Rule] = &[rule! {
    /// Every child protection plan needs an initial category of abuse from the code set
    /// (compared exactly, as the validator does).
    code: "8905",
    kind: Error,
    message: "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    fields: ["InitialCategoryOfAbuse"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_not_in(cx, h, T::ChildProtectionPlans, "InitialCategoryOfAbuse", ABUSE),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn missing_or_unknown_category() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,InitialCategoryOfAbuse\nA,NEG\nB,\nC,neg\nD,MUL\nE,XYZ",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[1, 2, 4]));
    }
}
