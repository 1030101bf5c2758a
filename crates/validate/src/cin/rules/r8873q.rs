use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// When a CIN episode has only one assessment and one of its factors contains `21` (no
    /// factors identified), the episode's reason for closure should be RC8 or RC9; an open
    /// episode (no reason) is queried too, as in the validator. An episode counts as having
    /// one assessment when all its Assessments rows carry the same AssessmentID. The
    /// assessment and the episode's CINdetails row are flagged (the assessment alone when
    /// the episode has no CINdetails row).
    code: "8873Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    fields: ["ReasonForClosure", "AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let a = cx.t(T::Assessments);
        let ass_id = a.col("AssessmentID");
        let factors = factors_by_assessment(cx);
        let factor = cx.t(T::AssessmentFactorsList).col("AssessmentFactor");
        let reason = cx.t(T::CinDetails).col("ReasonForClosure");
        for ((child, ep), rows) in by_episode(cx, T::Assessments) {
            // A missing AssessmentID differs even from itself (NaN != NaN in the validator).
            let Some(id) = ass_id.str(rows[0]) else { continue };
            if rows.iter().any(|&r| ass_id.str(r) != Some(id)) {
                continue;
            }
            let no_factors = factors
                .get(&(child, ep, id))
                .is_some_and(|f| f.iter().any(|&f| factor.text(f).contains("21")));
            if !no_factors {
                continue;
            }
            let details = cx.details_rows(child, ep);
            let closed_right = |d: u32| matches!(reason.str(d as usize), Some("RC8" | "RC9"));
            let wrong: Vec<u32> = details.iter().copied().filter(|&d| !closed_right(d)).collect();
            if details.is_empty() || !wrong.is_empty() {
                h.flag_rows(T::Assessments, rows.iter().map(|&r| r as u32));
                h.flag_rows(T::CinDetails, wrong);
            }
        }
    },
}];

/// AssessmentFactorsList rows by assessment (`LAchildID`, `CINdetailsID`, `AssessmentID`;
/// a missing value is the key "", matching another missing one as in the validator's
/// merges).
fn factors_by_assessment<'a>(
    cx: &Ctx<'a>,
) -> HashMap<(&'a str, &'a str, &'a str), Vec<usize>> {
    let t = cx.t(T::AssessmentFactorsList);
    let (c, e, a) = (t.col("LAchildID"), t.col("CINdetailsID"), t.col("AssessmentID"));
    let mut m: HashMap<_, Vec<usize>> = HashMap::new();
    for r in t.rows() {
        m.entry((c.text(r), e.text(r), a.text(r))).or_default().push(r);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn single_assessment_with_no_factors() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,ReasonForClosure\nA,1,RC1\nB,1,RC8\nC,1,\nD,1,RC1\nE,1,RC9",
            ),
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentID\nA,1,1\nB,1,1\nC,1,1\nD,1,1\nD,1,2\nE,1,1\nF,1,1",
            ),
            (
                T::AssessmentFactorsList,
                "LAchildID,CINdetailsID,AssessmentID,AssessmentFactor\n\
                 A,1,1,21\nB,1,1,21\nC,1,1,3A\nC,1,1,21 No factors identified\n\
                 D,1,1,21\nE,1,1,3A\nF,1,1,21",
            ),
        ]);
        // A: wrong reason; C: open; D: two assessments; E: no 21; F: no CINdetails row.
        let want = locs(&[(T::Assessments, &[0, 2, 6]), (T::CinDetails, &[0, 2])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
