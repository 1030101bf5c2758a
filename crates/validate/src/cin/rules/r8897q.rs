use super::prelude::*;

/// The assessment factor codes the validator accepts.
const FACTORS: &[&str] = &[
    "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C",
    "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A",
    "14A", "15A", "16A", "17A", "18A", "18B", "18C", "19A", "19B", "19C", "20", "21", "22A",
    "23A", "24A",
];

pub const RULES: &[Rule] = &[rule! {
    /// An assessment authorised on or after the start of the census year should list at
    /// least one assessment factor, and every factor should be a valid code (compared
    /// exactly). The validator matches factors to assessments by LAchildID and
    /// AssessmentID only, and AssessmentID only numbers the assessments within one CIN
    /// episode, so an invalid code on one episode's assessment also flags the same-numbered
    /// assessment of the child's other episodes; this matches factors to their own
    /// assessment (see docs/validation-differences/cinB.md).
    code: "8897Q",
    kind: Query,
    message: "Parental or child factors at assessment information is missing from a completed assessment",
    fields: ["AssessmentAuthorisationDate", "AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(start) = cx.start else { return };
        let a = cx.t(T::Assessments);
        let (auth, listed) = (a.col("AssessmentAuthorisationDate"), a.col("AssessmentFactors"));
        let (child, ep, id) = (a.col("LAchildID"), a.col("CINdetailsID"), a.col("AssessmentID"));
        let factors = super::r8873q::factors_by_assessment(cx);
        let factor = cx.t(T::AssessmentFactorsList).col("AssessmentFactor");
        for r in a.rows() {
            if !auth.iso_date(r).is_some_and(|d| d >= start) {
                continue;
            }
            let rows = factors.get(&(child.text(r), ep.text(r), id.text(r)));
            let valid = listed.is_present(r)
                && rows.is_some_and(|f| f.iter().all(|&f| FACTORS.contains(&factor.text(f))));
            if !valid {
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
    fn completed_assessment_without_valid_factors() {
        let t = tables(&[
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentID,AssessmentAuthorisationDate,AssessmentFactors\n\
                 A,1,1,2025-05-01,3A\n\
                 A,2,1,2025-05-01,21\n\
                 B,1,1,2025-05-01,\n\
                 C,1,1,2025-03-31,\n\
                 D,1,1,,\n\
                 E,1,1,2025-04-01,8A",
            ),
            (
                T::AssessmentFactorsList,
                "LAchildID,CINdetailsID,AssessmentID,AssessmentFactor\nA,1,1,3A\nA,1,1,99\nA,2,1,21\nE,1,1,8A",
            ),
        ]);
        // A episode 1 has an invalid code (the validator would flag A's episode 2 too).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 2, 5]));
    }
}
