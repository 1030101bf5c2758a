use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A referral must not be more than 280 days (40 weeks) before the child's date of
    /// birth or expected date of birth: the episode and the child's identifiers row are
    /// flagged.
    code: "8606",
    kind: Error,
    message: "Child referral date is more than 40 weeks before DOB or expected DOB",
    fields: ["CINreferralDate", "PersonBirthDate", "ExpectedPersonBirthDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        let (born, expected) = (ids.col("PersonBirthDate"), ids.col("ExpectedPersonBirthDate"));
        let referral = cx.t(T::CinDetails).col("CINreferralDate");
        for r in ids.rows() {
            let limits = [born.iso_date(r), expected.iso_date(r)].map(|d| d.map(|d| d.plus_days(-280)));
            for &e in cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r)) {
                let Some(d) = referral.iso_date(e as usize) else { continue };
                if limits.iter().flatten().any(|&l| d < l) {
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
    fn referral_long_before_birth() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonBirthDate,ExpectedPersonBirthDate\nA,2025-10-08,\nB,,2025-10-08"),
            (T::CinDetails, "LAchildID,CINreferralDate\nA,2024-12-31\nA,2025-01-01\nB,2024-12-31"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            locs(&[(T::ChildIdentifiers, &[0, 1]), (T::CinDetails, &[0, 2])])
        );
    }
}
