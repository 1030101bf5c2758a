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
    /// exactly). The validator raises whenever an assessment it flags has factors (its
    /// issue key holds their Python list), so it only ever reports assessments without
    /// any; it also matches factors to assessments by LAchildID and AssessmentID only
    /// (AssessmentID numbers assessments within an episode). This checks each
    /// assessment's own factors (see docs/validation-differences/cinB.md); where the
    /// validator does not raise, the result is the same.
    code: "8897Q",
    kind: Query,
    message: "Parental or child factors at assessment information is missing from a completed assessment",
    fields: ["AssessmentAuthorisationDate", "AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let Some(start) = cx.start else { return };
        let a = cx.t(T::Assessments);
        let (auth, listed) = (a.col("AssessmentAuthorisationDate"), a.col("AssessmentFactors"));
        for r in a.rows() {
            if auth.iso_date(r).is_none_or(|d| d < start) {
                continue;
            }
            let valid = listed
                .str(r)
                .is_some_and(|v| v.split(',').all(|f| FACTORS.contains(&f)));
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
        let mut t = tables(&[]);
        let rows_ = [
            ["A", "1", "2025-05-01", "3A,99"],
            ["A", "2", "2025-05-01", "21"],
            ["B", "1", "2025-05-01", ""],
            ["C", "1", "2025-03-31", ""],
            ["D", "1", "", ""],
            ["E", "1", "2025-04-01", "8A"],
            ["F", "1", "2025-04-01", "1A,,2B"],
            ["G", "1", "2026-04-01", "3A,22A"],
        ];
        let names = ["LAchildID", "CINdetailsID", "AssessmentAuthorisationDate", "AssessmentFactors"];
        t.insert(T::Assessments, Table::from_rows(&names, &rows_));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 2, 5, 6]));
    }
}
