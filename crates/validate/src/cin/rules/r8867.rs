use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When a CIN episode has a valid closure date, each of its assessments must have an
    /// authorisation date (one that is not a date counts as missing). The assessment and
    /// the episode row are flagged; rows are joined on child and episode, missing values
    /// matching each other.
    code: "8867",
    kind: Error,
    message: "CIN episode is shown as closed, however Assessment is not shown as completed",
    fields: ["CINclosureDate", "AssessmentAuthorisationDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ass = by_episode(cx, T::Assessments);
        let auth = cx.t(T::Assessments).col("AssessmentAuthorisationDate");
        let t = cx.t(T::CinDetails);
        let (child, id, closure) = (t.col("LAchildID"), t.col("CINdetailsID"), t.col("CINclosureDate"));
        for r in t.rows() {
            if closure.iso_date(r).is_none() {
                continue;
            }
            for &q in ass.get(&(child.text(r), id.text(r))).into_iter().flatten() {
                if auth.iso_date(q).is_none() {
                    h.flag(T::CinDetails, r);
                    h.flag(T::Assessments, q);
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
    fn closed_episode_with_an_unfinished_assessment() {
        let t = tables(&[
            (T::CinDetails, "LAchildID,CINdetailsID,CINclosureDate\nA,1,2025-09-01\nA,2,\nB,1,2025-09-01"),
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentAuthorisationDate\nA,1,2025-06-01\nA,1,\nA,2,\nB,1,2025-06-01",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), locs(&[(T::Assessments, &[1]), (T::CinDetails, &[0])]));
    }
}
