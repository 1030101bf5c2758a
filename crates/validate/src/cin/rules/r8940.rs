use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's child protection plans must not overlap: a plan starting on or after
    /// another's start and on or before its end (or, if that one is open, on or before the
    /// reference date) flags both. Plans without a valid start date are ignored. The
    /// validator pairs plans by LAchildID and skips pairs with the same CPPID, but CPPID
    /// only numbers the plans within one CIN episode, so it never compares the first plans
    /// of two episodes; this compares every two plans of the child, as the message says
    /// (see docs/validation-differences/cinB.md).
    code: "8940",
    kind: Error,
    message: "Child Protection Plan data contains overlapping dates",
    fields: ["CPPstartDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        starts_during(cx, h, T::ChildProtectionPlans, "CPPstartDate", T::ChildProtectionPlans,
            "CPPstartDate", "CPPendDate", true)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn overlapping_plans() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,CINdetailsID,CPPID,CPPstartDate,CPPendDate\n\
             A,1,1,2025-05-01,2025-06-01\n\
             A,1,2,2025-06-01,2025-07-01\n\
             B,1,1,2025-05-01,2025-06-01\n\
             B,2,1,2025-06-02,\n\
             C,1,1,2025-05-01,\n\
             C,2,1,2025-08-01,2025-09-01\n\
             D,1,1,2025-05-01,2025-06-01\n\
             D,1,2,,2025-07-01",
        )]);
        // C: the validator misses the overlap of two first plans (both CPPID 1).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[0, 1, 4, 5]));
    }
}
