use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An open CIN episode (no valid closure date) that is not a referral with no further
    /// action (`ReferralNFA` "false" or "0") must be the child's latest referral. The
    /// episode is flagged with the child's latest referral, the first row holding the
    /// latest date (the validator's `idxmax`). Rows without a valid referral date take no
    /// part.
    code: "8816",
    kind: Error,
    message: "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
    fields: ["CINreferralDate", "ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        let (referral, closure, nfa) = (t.col("CINreferralDate"), t.col("CINclosureDate"), t.col("ReferralNFA"));
        for (&child, rows) in cx.by_child(T::CinDetails) {
            let dated: Vec<(usize, Date)> = rows
                .iter()
                .filter_map(|&r| referral.iso_date(r as usize).map(|d| (r as usize, d)))
                .collect();
            // The first row with the latest date, as `idxmax`.
            let mut latest: Option<(usize, Date)> = None;
            for &(r, d) in &dated {
                if latest.is_none_or(|(_, l)| d > l) {
                    latest = Some((r, d));
                }
            }
            for &(r, _) in &dated {
                let open = closure.iso_date(r).is_none() && matches!(nfa.str(r), Some("false" | "0"));
                if !open {
                    continue;
                }
                if child.is_empty() {
                    // groupby drops a missing ID: `idxmax` is NaN, so the row never equals it
                    // and is flagged alone.
                    h.flag(T::CinDetails, r);
                } else if let Some((l, _)) = latest.filter(|&(l, _)| l != r) {
                    h.flag(T::CinDetails, r);
                    h.flag(T::CinDetails, l);
                }
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn open_episode_not_the_latest() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINdetailsID,CINreferralDate,CINclosureDate,ReferralNFA\n\
             A,1,2025-05-01,,false\nA,2,2025-07-01,2025-08-01,false\nA,3,2025-07-01,,false\n\
             B,1,2025-05-01,,true\nB,2,2025-07-01,,false\n\
             C,1,2025-05-01,,0\nC,2,,,false",
        )]);
        // A's open episode 1 predates the latest referral (row 1, the first of the two
        // latest); row 2 is open but not row 1, so it is flagged with it.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0, 1, 2]));
    }
}
