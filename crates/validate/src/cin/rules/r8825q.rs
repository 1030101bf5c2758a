use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode closed after assessment (RC8 or RC9) should have an assessment.
    code: "8825Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
    fields: ["ReasonForClosure"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let assessed = by_episode(cx, T::Assessments);
        let d = cx.t(T::CinDetails);
        for r in d.rows() {
            let closed = matches!(d.col("ReasonForClosure").str(r), Some("RC8" | "RC9"));
            let key = (d.col("LAchildID").text(r), d.col("CINdetailsID").text(r));
            if closed && !assessed.contains_key(&key) {
                h.flag(T::CinDetails, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn closed_after_assessment_without_one() {
        let t = tables(&[
            (T::CinDetails, "LAchildID,CINdetailsID,ReasonForClosure\nA,1,RC8\nA,2,RC9\nB,1,RC1"),
            (T::Assessments, "LAchildID,CINdetailsID\nA,1"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinDetails, &[1]));
    }
}
