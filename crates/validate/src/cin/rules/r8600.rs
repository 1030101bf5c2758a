use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every episode needs a referral date, not after the end of the census period.
    code: "8600",
    kind: Error,
    message: "Child referral date missing or after data collection period",
    fields: ["CINreferralDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let col = cx.t(T::CinDetails).col("CINreferralDate");
        for r in cx.t(T::CinDetails).rows() {
            let bad = match col.iso_date(r) {
                None => true,
                Some(d) => cx.end.is_some_and(|e| d > e),
            };
            if bad {
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
    fn referral_missing_or_late() {
        let t = tables(&[(T::CinDetails, "LAchildID,CINreferralDate\nA,2026-03-31\nB,2026-04-01\nC,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1, 2]));
    }
}
