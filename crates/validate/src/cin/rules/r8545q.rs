use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A date of death, when given, should be in the census period (every one is queried
    /// when the reference date is missing, as the validator's comparisons with NaT fail).
    code: "8545Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Child's date of death should be within the census year",
    fields: ["PersonDeathDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let col = cx.t(T::ChildIdentifiers).col("PersonDeathDate");
        for r in cx.t(T::ChildIdentifiers).rows() {
            if col.iso_date(r).is_some_and(|d| !cx.in_period(d)) {
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
    fn death_outside_the_census_year() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,PersonDeathDate\nA,2025-04-01\nB,2025-03-31\nC,2026-04-01\nD,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
