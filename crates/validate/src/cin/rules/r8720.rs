use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must have a start date, not after the reference date.
    code: "8720",
    kind: Error,
    message: "Child Protection Plan Start Date missing or out of data collection period",
    fields: ["CPPstartDate", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::ChildProtectionPlans);
        let (id, start) = (t.col("CPPID"), t.col("CPPstartDate"));
        for r in t.rows() {
            let bad = match start.iso_date(r) {
                None => true,
                Some(d) => cx.reference.is_some_and(|rd| d > rd),
            };
            if id.is_present(r) && bad {
                h.flag(T::ChildProtectionPlans, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn start_missing_or_late() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,CPPID,CPPstartDate\nA,1,2026-03-31\nB,1,2026-04-01\nC,1,\nD,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[1, 2]));
    }
}
