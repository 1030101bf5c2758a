use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must not end before it starts (both dates valid).
    code: "8925",
    kind: Error,
    message: "Child Protection Plan End Date earlier than Start Date",
    fields: ["CPPstartDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_dates(cx, h, T::ChildProtectionPlans, "CPPstartDate", "CPPendDate", |s, e| e < s)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn ends_before_it_starts() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,CPPstartDate,CPPendDate\nA,2025-06-01,2025-05-31\nB,2025-06-01,2025-06-01\nC,2025-06-01,\nD,,2025-01-01\nE,2025-06-01,2025-13-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[0]));
    }
}
