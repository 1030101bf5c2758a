use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment's authorisation (end) date, when given, must fall within the census
    /// period.
    code: "8696",
    kind: Error,
    message: "Assessment end date must fall within the census year",
    fields: ["AssessmentAuthorisationDate", "ReferenceDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        if cx.reference.is_some() {
            flag_outside_period(cx, h, T::Assessments, "AssessmentAuthorisationDate");
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn end_outside_the_census_year() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,AssessmentAuthorisationDate\nA,2025-04-01\nB,2025-03-31\nC,2026-04-01\nD,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[1, 2]));
    }
}
