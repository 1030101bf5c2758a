use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must not end on the day it starts. Rows where either date is
    /// missing or not a date are not compared.
    code: "8840",
    kind: Error,
    message: "Child Protection Plan cannot start and end on the same day",
    fields: ["CPPstartDate", "CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_dates(cx, h, T::ChildProtectionPlans, "CPPstartDate", "CPPendDate", |s, e| s == e)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn same_day_start_and_end() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,CPPstartDate,CPPendDate\nA,2025-06-01,2025-06-01\nB,2025-06-01,2025-06-02\nC,,\nD,x,x",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[0]));
    }
}
