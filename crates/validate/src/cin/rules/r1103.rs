use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment must not start before the referral of its CIN episode. Both the row and
    /// the CIN episode's CINdetails row are flagged.
    code: "1103",
    kind: Error,
    message: "The assessment start date cannot be before the referral date",
    fields: ["AssessmentActualStartDate", "CINreferralDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| before_referral(cx, h, T::Assessments, "AssessmentActualStartDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_dates_before_the_referral() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,CINreferralDate\nA,1,2025-06-01\nA,2,2025-09-01\nB,1,",
            ),
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentActualStartDate\nA,1,2025-06-01\nA,2,2025-08-31\nB,1,2020-01-01\nA,1,",
            ),
        ]);
        let mut want = rows(T::CinDetails, &[1]);
        want.extend(rows(T::Assessments, &[1]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
