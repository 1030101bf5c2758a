use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child may have at most one open CIN episode (no valid closure date) that is not a
    /// referral with no further action (`ReferralNFA` "false" or "0"). When a child has
    /// more, every open episode of the child is flagged, NFA or not, as in the validator;
    /// rows without a child ID are not grouped (pandas' groupby drops them).
    code: "8815",
    kind: Error,
    message: "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
    fields: ["ReferralNFA", "CINclosureDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::CinDetails);
        let (closure, nfa, id) = (t.col("CINclosureDate"), t.col("ReferralNFA"), t.col("CINdetailsID"));
        for (&child, rows) in cx.by_child(T::CinDetails) {
            if child.is_empty() {
                continue;
            }
            let open = |r: usize| closure.iso_date(r).is_none();
            let counted = rows
                .iter()
                .filter(|&&r| open(r as usize) && matches!(nfa.str(r as usize), Some("false" | "0")))
                .count();
            if counted < 2 {
                continue;
            }
            // The validator flags every row of the child sharing an open episode's ID.
            let ids: Vec<&str> = rows.iter().filter(|&&r| open(r as usize)).map(|&r| id.text(r as usize)).collect();
            h.flag_rows(T::CinDetails, rows.iter().copied().filter(|&r| ids.contains(&id.text(r as usize))));
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn two_open_episodes() {
        let t = tables(&[(
            T::CinDetails,
            "LAchildID,CINdetailsID,CINclosureDate,ReferralNFA\n\
             A,1,,false\nA,2,,0\nA,3,,true\nA,4,2025-06-01,false\n\
             B,1,,false\nB,2,,true\nB,3,2025-06-01,false\n\
             C,1,,FALSE\nC,2,,false",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[0, 1, 2]));
    }
}
