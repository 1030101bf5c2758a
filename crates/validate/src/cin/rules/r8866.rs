use super::prelude::*;

/// The DfE's referral source codes.
const SOURCES: &[&str] = &[
    "1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B",
    "5C", "5D", "6", "7", "8", "9", "10",
];

pub const RULES: &[Rule] = &[rule! {
    /// Referrals from 1 April 2013 on must give a valid referral source (codes compared
    /// exactly). Referrals without a valid referral date are not checked.
    code: "8866",
    kind: Error,
    message: "Source of Referral is missing or an invalid code",
    fields: ["CINreferralDate", "ReferralSource"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        let (referral, source) = (t.col("CINreferralDate"), t.col("ReferralSource"));
        for r in t.rows() {
            let recent = referral.iso_date(r).is_some_and(|d| d >= Date::ymd(2013, 4, 1));
            if recent && !source.str(r).is_some_and(|s| SOURCES.contains(&s)) {
                h.flag(T::CinDetails, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn missing_or_unknown_source() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINreferralDate,ReferralSource\nA,2025-06-01,1A\nB,2025-06-01,\nC,2025-06-01,1a\nD,2013-03-31,\nE,,ZZ\nF,2013-04-01,11",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1, 2, 5]));
    }
}
