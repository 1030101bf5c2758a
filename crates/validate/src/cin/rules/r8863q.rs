use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Within one CIN episode an assessment should not start on or after another's start
    /// and on or before its authorisation, or, when the other has no valid authorisation
    /// date, on or before the reference date. As in the validator, an assessment is not
    /// compared with one having the same start and authorisation dates (itself or an exact
    /// duplicate). Both assessments are flagged; rows without a valid start take no part.
    code: "8863Q",
    kind: Query,
    message: "An Assessment is shown as starting when there is another Assessment ongoing.",
    fields: ["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Assessments);
        let (start, auth) = (t.col("AssessmentActualStartDate"), t.col("AssessmentAuthorisationDate"));
        for rows in by_episode(cx, T::Assessments).values() {
            let dated: Vec<(usize, Date, Option<Date>)> = rows
                .iter()
                .filter_map(|&r| start.iso_date(r).map(|s| (r, s, auth.iso_date(r))))
                .collect();
            for &(a, s, e) in &dated {
                for &(b, s2, e2) in &dated {
                    if s == s2 && e == e2 {
                        continue;
                    }
                    let ongoing = match e2 {
                        Some(e2) => s <= e2,
                        None => cx.reference.is_some_and(|rd| s <= rd),
                    };
                    if s >= s2 && ongoing {
                        h.flag(T::Assessments, a);
                        h.flag(T::Assessments, b);
                    }
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
    fn assessment_starting_during_another() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,CINdetailsID,AssessmentActualStartDate,AssessmentAuthorisationDate\n\
             A,1,2025-05-01,2025-06-01\nA,1,2025-06-01,2025-07-01\n\
             B,1,2025-05-01,2025-06-01\nB,1,2025-06-02,\n\
             C,1,2025-05-01,\nC,1,2025-09-01,2025-10-01\n\
             D,1,2025-05-01,\nD,1,2025-05-01,\n\
             E,1,2025-05-01,2025-06-01\nE,2,2025-05-15,2025-07-01",
        )]);
        // A starts on the day the first is authorised; C's first assessment is open; D's
        // two are duplicates and never compared; E's are in different episodes.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 1, 4, 5]));
    }
}
