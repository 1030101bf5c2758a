use super::prelude::*;

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
        flag_where(cx, h, T::Assessments, "AssessmentFactors", |v| {
            let codes: Vec<&str> = v.split(',').collect();
            codes.iter().enumerate().any(|(i, c)| codes[..i].contains(c))
        })
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn repeated_factor() {
        let mut t = tables(&[]);
        let rows_ = [["A", "3A,4B,3A"], ["B", "3A,3a"], ["C", "21"], ["D", ""], ["E", "1A,2B,2B"]];
        t.insert(T::Assessments, Table::from_rows(&["LAchildID", "AssessmentFactors"], &rows_));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 4]));
    }
}
