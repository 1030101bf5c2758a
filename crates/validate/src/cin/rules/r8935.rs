use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child must not have more than one open child protection plan (no valid
    /// CPPendDate); the child's open plans are flagged. The validator groups plans by
    /// LAchildID and CPPID, but CPPID only numbers the plans within one CIN episode, so it
    /// misses two open plans of one episode and flags plans in different episodes that
    /// happen to share a number; this checks the child, as the message says (see
    /// docs/validation-differences/cinB.md). Plans without an LAchildID are not counted.
    code: "8935",
    kind: Error,
    message: "This child is showing more than one open Child Protection plan, i.e. with no End Date",
    fields: ["CPPendDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let end = cx.t(T::ChildProtectionPlans).col("CPPendDate");
        for (child, rows) in cx.by_child(T::ChildProtectionPlans) {
            if child.is_empty() {
                continue;
            }
            let open: Vec<u32> = rows.iter().copied().filter(|&r| end.iso_date(r as usize).is_none()).collect();
            if open.len() > 1 {
                h.flag_rows(T::ChildProtectionPlans, open);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn two_open_plans() {
        let t = tables(&[(
            T::ChildProtectionPlans,
            "LAchildID,CINdetailsID,CPPID,CPPendDate\n\
             A,1,1,\n\
             A,1,2,\n\
             A,1,3,2025-06-01\n\
             B,1,1,\n\
             B,2,1,2025-13-01\n\
             C,1,1,\n\
             C,2,1,2025-06-01\n\
             ,1,1,\n\
             ,1,2,",
        )]);
        // A: two open plans in one episode (the validator misses these: different CPPIDs).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[0, 1, 3, 4]));
    }
}
