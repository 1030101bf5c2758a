use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN episode must not have more than one open assessment (no valid
    /// AssessmentAuthorisationDate). As in the validator, every assessment of such an
    /// episode is flagged, and assessments without an LAchildID or CINdetailsID are not
    /// counted (its groupby drops missing keys).
    code: "8896",
    kind: Error,
    message: "Within one CINDetails group there are 2 or more open Assessments groups",
    fields: ["AssessmentAuthorisationDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let auth = cx.t(T::Assessments).col("AssessmentAuthorisationDate");
        for ((child, id), rows) in by_episode(cx, T::Assessments) {
            if child.is_empty() || id.is_empty() {
                continue;
            }
            if rows.iter().filter(|&&r| auth.iso_date(r).is_none()).count() > 1 {
                h.flag_rows(T::Assessments, rows.iter().map(|&r| r as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn two_open_assessments_in_an_episode() {
        let t = tables(&[(
            T::Assessments,
            "LAchildID,CINdetailsID,AssessmentAuthorisationDate\n\
             A,1,\n\
             A,1,2025-05-01\n\
             A,1,2025-13-01\n\
             A,2,\n\
             B,1,\n\
             B,1,2025-05-01\n\
             ,1,\n\
             ,1,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 1, 2]));
    }
}
