use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Return level: raised when 7 or fewer Disabilities rows are coded NONE. The message
    /// speaks of fewer than 8 disability codes used; the validator counts NONE rows, and
    /// so do we, so that the two agree.
    code: "2887Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return",
    fields: ["Disability"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Disabilities);
        let none = t.rows().filter(|&r| t.col("Disability").str(r) == Some("NONE")).count();
        if none <= 7 {
            h.flag_return();
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn counts_none_rows() {
        let seven = format!("LAchildID,Disability\n{}", "A,NONE\n".repeat(7));
        assert_eq!(flagged(RULES, Y2025_26, &tables(&[(T::Disabilities, &seven)])), whole_return());
        let eight = format!("{seven}B,NONE\n");
        assert_eq!(flagged(RULES, Y2025_26, &tables(&[(T::Disabilities, &eight)])), vec![]);
    }
}
