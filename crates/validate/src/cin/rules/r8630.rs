use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN episode must not close before its referral.
    code: "8630",
    kind: Error,
    message: "CIN Closure Date is before CIN Referral Date for the same CIN episode",
    fields: ["CINreferralDate", "CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_dates(cx, h, T::CinDetails, "CINreferralDate", "CINclosureDate", |r, c| c < r),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn closed_before_referral() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINreferralDate,CINclosureDate\nA,2025-05-02,2025-05-01\nB,2025-05-01,2025-05-01\nC,,2025-05-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0]));
    }
}
