use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must not start before the referral of its CIN episode. Both the plan and
    /// the episode's CINdetails row are flagged.
    code: "4015",
    kind: Error,
    message: "The CIN Plan start date cannot be before the referral date",
    fields: ["CINPlanStartDate", "CINreferralDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| before_referral(cx, h, T::CinPlanDates, "CINPlanStartDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_before_referral() {
        let t = tables(&[
            (T::CinDetails, "LAchildID,CINdetailsID,CINreferralDate\nA,1,2025-06-01\nB,1,2025-06-01"),
            (T::CinPlanDates, "LAchildID,CINdetailsID,CINPlanStartDate\nA,1,2025-05-31\nB,1,2025-06-01"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), locs(&[(T::CinDetails, &[0]), (T::CinPlanDates, &[0])]));
    }
}
