use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Assessment factor 19A is retired (19B or 19C instead): flags assessments listing it
    /// (any case). As for 8945Q, the validator never flags XML input (it compares a list
    /// with one code); this checks each listed code.
    code: "8950Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    fields: ["AssessmentFactors"],
    years: Y2024_25..=Y2026_27,
    check: |cx, h| super::r8945q::flag_factor(cx, h, "19A"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn retired_code() {
        let mut t = tables(&[]);
        let rows_ = [["A", "3A"], ["B", "2B,19a"], ["C", "19C"], ["D", "19A"]];
        t.insert(T::Assessments, Table::from_rows(&["LAchildID", "AssessmentFactors"], &rows_));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[1, 3]));
    }
}
