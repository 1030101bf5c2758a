use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must not start while one of the child's CIN plans is open
    /// (on or after its start and before its end, or up to the reference date if it has
    /// none). Both plans are flagged.
    code: "4017",
    kind: Error,
    message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    fields: ["CINPlanStartDate", "CINPlanEndDate", "CPPstartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        starts_during(cx, h, T::ChildProtectionPlans, "CPPstartDate", T::CinPlanDates,
            "CINPlanStartDate", "CINPlanEndDate", false)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn cpp_during_a_cin_plan() {
        let t = tables(&[
            (T::CinPlanDates, "LAchildID,CINPlanStartDate,CINPlanEndDate\nA,2025-05-01,2025-06-01\nB,2025-05-01,"),
            (T::ChildProtectionPlans, "LAchildID,CPPstartDate\nA,2025-06-01\nA,2025-05-01\nB,2026-04-01"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildProtectionPlans, &[1]), (T::CinPlanDates, &[0])])
        );
    }
}
