use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A referral with no further action (ReferralNFA "true" or "1") must have no CIN plan:
    /// the episode and its CIN plan rows are flagged.
    code: "4000",
    kind: Error,
    message: "CIN Plan details provided for a referral with no further action",
    fields: ["ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let plans = by_episode(cx, T::CinPlanDates);
        let d = cx.t(T::CinDetails);
        let (child, id, nfa) = (d.col("LAchildID"), d.col("CINdetailsID"), d.col("ReferralNFA"));
        for r in d.rows() {
            if !matches!(nfa.str(r), Some("true" | "1")) {
                continue;
            }
            if let Some(rows) = plans.get(&(child.text(r), id.text(r))) {
                h.flag(T::CinDetails, r);
                h.flag_rows(T::CinPlanDates, rows.iter().map(|&p| p as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn no_plan_after_no_further_action() {
        let t = tables(&[
            (T::CinDetails, "LAchildID,CINdetailsID,ReferralNFA\nA,1,true\nB,1,0\nC,1,1"),
            (T::CinPlanDates, "LAchildID,CINdetailsID\nA,1\nB,1\nA,2"),
        ]);
        let mut want = rows(T::CinDetails, &[0]);
        want.extend(rows(T::CinPlanDates, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
