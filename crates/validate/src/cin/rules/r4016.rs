use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must not start while one of the child's child protection plans is open
    /// (on or after its start and before its end, or up to the reference date if it has
    /// none). Both plans are flagged.
    code: "4016",
    kind: Error,
    message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    fields: ["CINPlanStartDate", "CPPstartDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        starts_during(cx, h, T::CinPlanDates, "CINPlanStartDate", T::ChildProtectionPlans,
            "CPPstartDate", "CPPendDate", false)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn cin_plan_during_a_cpp() {
        let t = tables(&[
            (T::ChildProtectionPlans, "LAchildID,CPPstartDate,CPPendDate\nA,2025-05-01,2025-06-01\nB,2025-05-01,"),
            (T::CinPlanDates, "LAchildID,CINPlanStartDate\nA,2025-06-01\nA,2025-05-01\nB,2026-01-01"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildProtectionPlans, &[0, 1]), (T::CinPlanDates, &[1, 2])])
        );
    }
}
