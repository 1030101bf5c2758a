use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// UPN unknown reason UN7 (referral with no further action) is wrong when one of the
    /// child's episodes went on to further action (ReferralNFA not "true"/"1", missing
    /// included): the child's identifiers row and those episodes are flagged. A child with
    /// no episode at all is flagged too, as the validator's left merge leaves it unmatched.
    code: "8772",
    kind: Error,
    message: "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
    fields: ["UPNunknown", "ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        let nfa = cx.t(T::CinDetails).col("ReferralNFA");
        for r in ids.rows() {
            if ids.col("UPNunknown").str(r) != Some("UN7") {
                continue;
            }
            let episodes = cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r));
            if episodes.is_empty() {
                h.flag(T::ChildIdentifiers, r);
            }
            for &e in episodes {
                let no_action = nfa
                    .str(e as usize)
                    .is_some_and(|v| matches!(v.to_lowercase().as_str(), "true" | "1"));
                if !no_action {
                    h.flag(T::ChildIdentifiers, r);
                    h.flag(T::CinDetails, e as usize);
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
    fn un7_with_further_action() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,UPNunknown\nA,UN7\nB,UN7\nC,UN1\nD,UN7"),
            (T::CinDetails, "LAchildID,ReferralNFA\nA,TRUE\nA,0\nB,1\nC,0"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildIdentifiers, &[0, 3]), (T::CinDetails, &[1])])
        );
    }
}
