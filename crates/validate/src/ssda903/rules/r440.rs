use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Participation code PN0 (child under 4) needs the child to be under 4 on the review
    /// date (a review after the 4th birthday is flagged).
    code: "440",
    message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
    fields: ["DOB", "REVIEW", "REVIEW_CODE"],
    tables: [Reviews],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Reviews);
        let (review_code, review, dob) = (t.col("REVIEW_CODE"), t.col("REVIEW"), t.col("DOB"));
        flag_where(cx, f, T::Reviews, |_, r| {
            review_code.str(r) == Some("PN0")
                && matches!((review.date(r), dob.date(r)),
                    (Some(rv), Some(dob)) if rv > plus_years_clamped(dob, 4))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn pn0_over_four() {
        let t = tables(&[(
            T::Reviews,
            "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/05/2021,02/05/2025,PN0\n2,01/05/2021,01/05/2025,PN0\n3,01/05/2015,01/05/2025,PN1\n4,bad,01/05/2025,PN0",
        )]);
        // The review on the 4th birthday is not flagged.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Reviews, &[0]));
    }
}
