use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Assessment factor "21" (no factors identified) must be the only factor of its
    /// assessment: an Assessments row whose factors include "21" and any other code is
    /// flagged. The validator compares the whole factor list with the single code "21", so
    /// it never flags the census XML; we check the DfE's intent (see
    /// `docs/validation-differences/cinA.md`).
    code: "8869",
    kind: Error,
    message: "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
    fields: ["AssessmentFactors"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let c = cx.t(T::Assessments).col("AssessmentFactors");
        for r in cx.t(T::Assessments).rows() {
            // The reader keeps an assessment's factor codes comma-separated.
            let codes = || c.text(r).split(',').map(str::trim).filter(|f| !f.is_empty());
            if codes().any(|f| f == "21") && codes().any(|f| f != "21") {
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
    fn factor_21_with_others() {
        let mut t = tables(&[(T::Assessments, "LAchildID,CINdetailsID,AssessmentID\nA,1,1\nA,1,2\nA,1,3\nA,1,4\nA,1,5")]);
        let factors = ["21,1A", "21", "1A,2B", "", "21,21"];
        t.get_mut(T::Assessments)
            .set_column("AssessmentFactors", factors.iter().map(|s| s.to_string()));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0]));
    }
}
