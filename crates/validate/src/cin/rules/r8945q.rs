use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Assessment factor 18A is retired (18B or 18C instead): flags assessments listing it
    /// (any case). The validator compares the whole AssessmentFactors value with `18A`,
    /// but its XML reader keeps a list there, so it never flags XML input; this checks each
    /// listed code (see docs/validation-differences/cinB.md).
    code: "8945Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
    fields: ["AssessmentFactors"],
    years: Y2024_25..=Y2026_27,
    check: |cx, h| flag_factor(cx, h, "18A"),
}];

/// Assessments whose comma-separated AssessmentFactors include `code` (ignoring case and
/// surrounding spaces).
pub(super) fn flag_factor(cx: &Ctx, h: &mut Hits, code: &str) {
    flag_where(cx, h, T::Assessments, "AssessmentFactors", |v| {
        v.split(',').any(|f| f.trim().eq_ignore_ascii_case(code))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn retired_code() {
        let mut t = tables(&[]);
        let rows_ = [["A", "18A"], ["B", "3A, 18a"], ["C", "18B"], ["D", ""], ["E", "118A"]];
        t.insert(T::Assessments, Table::from_rows(&["LAchildID", "AssessmentFactors"], &rows_));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Assessments, &[0, 1]));
    }
}
