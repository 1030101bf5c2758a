use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Return level: child protection plans starting in the census period must not
    /// outnumber initial conferences in the period (CINdetails and Section 47 together).
    code: "2883",
    kind: Error,
    message: "There are more child protection plans starting than initial conferences taking place",
    fields: ["CPPstartDate", "DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let plans = rows_in_period(cx, T::ChildProtectionPlans, "CPPstartDate").len();
        let conferences = rows_in_period(cx, T::CinDetails, "DateOfInitialCPC").len()
            + rows_in_period(cx, T::Section47, "DateOfInitialCPC").len();
        if plans > conferences {
            h.flag_return();
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn more_plans_than_conferences() {
        let plans = (T::ChildProtectionPlans, "LAchildID,CPPstartDate\nA,2025-05-01\nB,2025-06-01\nC,2024-01-01");
        let one = tables(&[plans, (T::CinDetails, "LAchildID,DateOfInitialCPC\nA,2025-05-01")]);
        assert_eq!(flagged(RULES, Y2025_26, &one), whole_return());
        let two = tables(&[
            plans,
            (T::CinDetails, "LAchildID,DateOfInitialCPC\nA,2025-05-01"),
            (T::Section47, "LAchildID,DateOfInitialCPC\nB,2025-06-01"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &two), vec![]);
    }
}
