use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An expected date of birth should lie after 30 days before the reference date and
    /// before 9 months after it (both bounds excluded).
    code: "8530Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
    fields: ["ExpectedPersonBirthDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(rd) = cx.reference else { return };
        let earliest = rd.plus_days(-30);
        let latest = Date::from(model::calendar::add_months(rd.naive(), 9));
        let col = cx.t(T::ChildIdentifiers).col("ExpectedPersonBirthDate");
        for r in cx.t(T::ChildIdentifiers).rows() {
            if col.iso_date(r).is_some_and(|d| d >= latest || d <= earliest) {
                h.flag(T::ChildIdentifiers, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn expected_birth_window() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,ExpectedPersonBirthDate\nA,2026-03-01\nB,2026-03-02\nC,2026-12-30\nD,2026-12-31\nE,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[0, 3]));
    }
}
