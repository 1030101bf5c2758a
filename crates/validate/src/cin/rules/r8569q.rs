use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode referred before the collection start, less one working day (pandas'
    /// `collection_start − CustomBusinessDay(0)`: the start itself if a working day, else
    /// the next), must not be a no-further-action case (ReferralNFA other than "false" or
    /// "0", missing included).
    code: "8569Q",
    kind: Query,
    message: "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case",
    fields: ["ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(start) = cx.start else { return };
        let limit = Date::from(cx.calendar.cin_validator_limit(start.naive(), 1));
        let t = cx.t(T::CinDetails);
        let (referral, nfa) = (t.col("CINreferralDate"), t.col("ReferralNFA"));
        for r in t.rows() {
            if referral.iso_date(r).is_some_and(|d| d < limit)
                && !matches!(nfa.str(r), Some("false" | "0"))
            {
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
    fn old_referrals_are_not_nfa() {
        // 1 April 2025 is a Tuesday, so the limit is that day.
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINreferralDate,ReferralNFA\nA,2025-03-31,1\nB,2025-04-01,1\nC,2025-03-31,0\nD,2025-03-31,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0, 3]));
    }
}
