use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment not yet authorised must have started within the census period (a
    /// missing start date fails too).
    code: "8736",
    kind: Error,
    message: "For an Assessment that has not been completed, the start date must fall within the census year",
    fields: ["AssessmentAuthorisationDate", "AssessmentActualStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Assessments);
        let (id, start, done) = (
            t.col("CINdetailsID"),
            t.col("AssessmentActualStartDate"),
            t.col("AssessmentAuthorisationDate"),
        );
        for r in t.rows() {
            if id.is_present(r)
                && done.iso_date(r).is_none()
                && !start.iso_date(r).is_some_and(|d| cx.in_period(d))
            {
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
    fn open_assessment_started_in_year() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,CINdetailsID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA,1,2025-04-01,\nB,1,2025-03-31,\nC,1,,\nD,1,2025-03-31,2025-04-02",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[1, 2]));
    }
}
