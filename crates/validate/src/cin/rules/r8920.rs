use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must not end after the child died. The plan and the child's
    /// identifiers row are flagged (matched on LAchildID).
    code: "8920",
    kind: Error,
    message: "Child Protection Plan cannot end after the child’s Date of Death",
    fields: ["PersonDeathDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| super::r8915::cpp_after_death(cx, h, "CPPendDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_ending_after_death() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonDeathDate\nA,2025-06-01\nB,2025-06-01\n,2025-06-01"),
            (
                T::ChildProtectionPlans,
                "LAchildID,CPPendDate\nA,2025-06-02\nB,2025-06-01\nA,\n,2025-07-01",
            ),
        ]);
        let want = locs(&[(T::ChildIdentifiers, &[0, 2]), (T::ChildProtectionPlans, &[0, 3])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
