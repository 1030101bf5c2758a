use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A referral leading to further action (ReferralNFA "false" or "0") needs a primary
    /// need code.
    code: "8610",
    kind: Error,
    message: "Primary Need code is missing for a referral which led to further action.",
    fields: ["ReferralNFA", "PrimaryNeedCode"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        let (nfa, need) = (t.col("ReferralNFA"), t.col("PrimaryNeedCode"));
        for r in t.rows() {
            if matches!(nfa.str(r), Some("false" | "0")) && !need.is_present(r) {
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
    fn need_code_for_further_action() {
        let t = tables(&[(T::CinDetails, "LAchildID,ReferralNFA,PrimaryNeedCode\nA,0,\nB,1,\nC,false,N1\nD,false,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0, 3]));
    }
}
