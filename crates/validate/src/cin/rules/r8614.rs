use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Assessment factors belong to completed (authorised) assessments only.
    code: "8614",
    kind: Error,
    message: "Parental or child factors at assessment should only be present for a completed assessment.",
    fields: ["AssessmentAuthorisationDate", "AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Assessments);
        let (done, factors) = (t.col("AssessmentAuthorisationDate"), t.col("AssessmentFactors"));
        for r in t.rows() {
            if done.iso_date(r).is_none() && factors.is_present(r) {
                h.flag(T::Assessments, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn factors_without_authorisation() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,AssessmentAuthorisationDate,AssessmentFactors\nA,,1A\nB,2025-05-01,1A\nC,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0]));
    }
}
