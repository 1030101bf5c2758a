use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's CIN episodes must not overlap: no referral may fall on or after another
    /// episode's referral and before its closure, or, when that episode has no valid closure
    /// date and is not a referral with no further action (`ReferralNFA` "false" or "0", any
    /// case), before the reference date. One episode may start on the day another closes.
    /// Both episodes are flagged; rows without a valid referral date take no part, and rows
    /// without a child ID are compared with each other, as in the validator's merge.
    code: "8820",
    kind: Error,
    message: "The dates on the CIN episodes for this child overlap",
    fields: ["CINreferralDate", "CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        let (referral, closure, nfa) = (t.col("CINreferralDate"), t.col("CINclosureDate"), t.col("ReferralNFA"));
        for rows in cx.by_child(T::CinDetails).values() {
            for &a in rows {
                let a = a as usize;
                let Some(start) = referral.iso_date(a) else { continue };
                for &b in rows {
                    let b = b as usize;
                    if a == b {
                        continue;
                    }
                    let Some(other) = referral.iso_date(b) else { continue };
                    let before_end = match closure.iso_date(b) {
                        Some(end) => start < end,
                        None => {
                            let not_nfa = nfa
                                .str(b)
                                .is_some_and(|v| v.eq_ignore_ascii_case("false") || v == "0");
                            not_nfa && cx.reference.is_some_and(|rd| start < rd)
                        }
                    };
                    if start >= other && before_end {
                        h.flag(T::CinDetails, a);
                        h.flag(T::CinDetails, b);
                    }
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
    fn overlapping_episodes() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINreferralDate,CINclosureDate,ReferralNFA\n\
             A,2025-05-01,2025-07-01,false\nA,2025-06-01,2025-08-01,false\n\
             B,2025-05-01,2025-07-01,false\nB,2025-07-01,,false\n\
             C,2025-05-01,,FALSE\nC,2025-09-01,2025-10-01,false\n\
             D,2025-05-01,,true\nD,2025-09-01,2025-10-01,false\n\
             E,2025-05-01,,false\nE,,2025-10-01,false",
        )]);
        // A overlaps; B starts on the day the first closes; C's open episode runs to the
        // reference date; D's open episode is a referral with no further action.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0, 1, 4, 5]));
    }
}
