use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A referral with no further action (`ReferralNFA` "true" in any case, or "1") must
    /// have no child protection plans. Each such plan and its CIN episode's row are flagged
    /// (joined on child and episode, missing values matching each other).
    code: "8832",
    kind: Error,
    message: "Child Protection details provided for a referral with no further action.",
    fields: ["CINdetailsID", "ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let plans = by_episode(cx, T::ChildProtectionPlans);
        let t = cx.t(T::CinDetails);
        let (child, id, nfa) = (t.col("LAchildID"), t.col("CINdetailsID"), t.col("ReferralNFA"));
        for r in t.rows() {
            if !nfa.str(r).is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "1") {
                continue;
            }
            if let Some(p) = plans.get(&(child.text(r), id.text(r))) {
                h.flag(T::CinDetails, r);
                h.flag_rows(T::ChildProtectionPlans, p.iter().map(|&p| p as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plans_on_a_referral_with_no_further_action() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,ReferralNFA\nA,1,true\nA,2,false\nB,1,1\nC,1,TRUE\nD,1,true",
            ),
            (
                T::ChildProtectionPlans,
                "LAchildID,CINdetailsID,CPPID\nA,1,1\nA,2,1\nB,1,1\nB,1,2\nC,1,1\nE,1,1",
            ),
        ]);
        let want = locs(&[(T::CinDetails, &[0, 2, 3]), (T::ChildProtectionPlans, &[0, 2, 3, 4])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
