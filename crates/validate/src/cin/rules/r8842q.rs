use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A review record should carry its review date. A value that is not a date counts as
    /// missing, as the validator parses it to `NaT`.
    code: "8842Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: Review Record has a missing date",
    fields: ["CPPreviewDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let c = cx.t(T::Reviews).col("CPPreviewDate");
        for r in cx.t(T::Reviews).rows() {
            if c.iso_date(r).is_none() {
                h.flag(T::Reviews, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn reviews_without_a_date() {
        let t = tables(&[(
            T::Reviews,
            "LAchildID,CPPID,CPPreviewDate\nA,1,2025-06-01\nA,1,\nB,1,2025-13-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Reviews, &[1, 2]));
    }
}
