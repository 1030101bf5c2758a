use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every child protection plan needs a latest category of abuse from the code set
    /// (compared exactly, as the validator does).
    code: "8910",
    kind: Error,
    message: "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    fields: ["LatestCategoryOfAbuse"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_not_in(cx, h, T::ChildProtectionPlans, "LatestCategoryOfAbuse", super::r8905::ABUSE)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn missing_or_unknown_category() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,LatestCategoryOfAbuse\nA,PHY\nB,\nC,phy\nD,SAB\nE,EMO",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[1, 2]));
    }
}
