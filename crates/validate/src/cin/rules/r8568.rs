use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// ReferralNFA must be given and be 1, 0, true or false (in any case).
    code: "8568",
    kind: Error,
    message: "RNFA flag is missing or invalid",
    fields: ["ReferralNFA"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let col = cx.t(T::CinDetails).col("ReferralNFA");
        for r in cx.t(T::CinDetails).rows() {
            let ok = col.str(r).is_some_and(|v| {
                matches!(v.to_lowercase().as_str(), "1" | "0" | "true" | "false")
            });
            if !ok {
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
    fn nfa_values() {
        let t = tables(&[(T::CinDetails, "LAchildID,ReferralNFA\nA,1\nB,FALSE\nC,\nD,yes\nE,true")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[2, 3]));
    }
}
