use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child must not be referred after their death: the episode and the child's
    /// identifiers row are flagged.
    code: "8555Q",
    kind: Query,
    message: "Child cannot be referred after its recorded date of death",
    fields: ["PersonDeathDate", "CINreferralDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        let referral = cx.t(T::CinDetails).col("CINreferralDate");
        for r in ids.rows() {
            let Some(died) = ids.col("PersonDeathDate").iso_date(r) else { continue };
            for &e in cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r)) {
                if referral.iso_date(e as usize).is_some_and(|d| died < d) {
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
    fn referred_after_death() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonDeathDate\nA,2025-06-01\nB,"),
            (T::CinDetails, "LAchildID,CINreferralDate\nA,2025-06-02\nA,2025-06-01\nB,2025-06-02"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), locs(&[(T::ChildIdentifiers, &[0]), (T::CinDetails, &[0])]));
    }
}
