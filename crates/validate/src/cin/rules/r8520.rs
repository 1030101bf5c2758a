use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's date of birth must not be after the end of the census period.
    code: "8520",
    kind: Error,
    message: "Date of Birth is after data collection period (must be on or before the end of the census period)",
    fields: ["PersonBirthDate", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(end) = cx.end else { return };
        let col = cx.t(T::ChildIdentifiers).col("PersonBirthDate");
        for r in cx.t(T::ChildIdentifiers).rows() {
            if col.iso_date(r).is_some_and(|d| d > end) {
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
    fn born_after_the_census() {
        let t = tables(&[(T::ChildIdentifiers, "LAchildID,PersonBirthDate\nA,2026-03-31\nB,2026-04-01\nC,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
    }
}
