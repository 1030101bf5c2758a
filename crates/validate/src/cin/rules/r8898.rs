use super::prelude::*;
use std::collections::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// An assessment must not list the same factor code twice (compared exactly). The
    /// validator raises on XML input whenever it finds such an assessment (it drops
    /// duplicate rows of a table holding Python lists), so it never reports one; this flags
    /// the assessment (see docs/validation-differences/cinB.md).
    code: "8898",
    kind: Error,
    message: " The assessment has more than one parental or child factors with the same code",
    fields: ["AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let a = cx.t(T::Assessments);
        let (child, ep, id) = (a.col("LAchildID"), a.col("CINdetailsID"), a.col("AssessmentID"));
        let factors = super::r8873q::factors_by_assessment(cx);
        let factor = cx.t(T::AssessmentFactorsList).col("AssessmentFactor");
        // Assessments rows per key: a repeated assessment repeats each of its factors.
        let mut copies: HashMap<(&str, &str, &str), usize> = HashMap::new();
        for r in a.rows() {
            *copies.entry((child.text(r), ep.text(r), id.text(r))).or_default() += 1;
        }
        for r in a.rows() {
            let key = (child.text(r), ep.text(r), id.text(r));
            let Some(rows) = factors.get(&key) else { continue };
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for &f in rows {
                *seen.entry(factor.text(f)).or_default() += 1;
            }
            if seen.values().any(|&n| n * copies[&key] > 1) {
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
    fn repeated_factor() {
        let t = tables(&[
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentID\nA,1,1\nA,1,2\nA,2,1\nB,1,1",
            ),
            (
                T::AssessmentFactorsList,
                "LAchildID,CINdetailsID,AssessmentID,AssessmentFactor\n\
                 A,1,1,3A\nA,1,1,4B\nA,1,1,3A\nA,1,2,3A\nA,1,2,3a\nA,2,1,3A\nB,1,1,21",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0]));
    }
}
