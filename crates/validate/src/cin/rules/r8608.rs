use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment must not start after it is authorised.
    code: "8608",
    kind: Error,
    message: "Assessment Start Date cannot be later than its End Date",
    fields: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_dates(cx, h, T::Assessments, "AssessmentActualStartDate", "AssessmentAuthorisationDate", |s, e| s > e)
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn start_after_authorisation() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA,2025-05-02,2025-05-01\nB,2025-05-01,2025-05-01\nC,2025-05-01,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0]));
    }
}
