use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Participation codes PN1–PN7 (child 4 or over) need the child to be 4 by the review
    /// date.
    code: "441",
    message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
    fields: ["DOB", "REVIEW", "REVIEW_CODE"],
    tables: [Reviews],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Reviews);
        let (review_code, review, dob) = (t.col("REVIEW_CODE"), t.col("REVIEW"), t.col("DOB"));
        flag_where(cx, f, T::Reviews, |_, r| {
            is_in(review_code, r, &["PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"])
                && matches!((review.date(r), dob.date(r)),
                    (Some(rv), Some(dob)) if rv < plus_years_clamped(dob, 4))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn pn1_to_pn7_under_four() {
        let t = tables(&[(
            T::Reviews,
            "CHILD,DOB,REVIEW,REVIEW_CODE\n1,02/05/2021,01/05/2025,PN1\n2,01/05/2021,01/05/2025,PN7\n3,01/05/2024,01/05/2025,PN0\n4,bad,01/05/2025,PN3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Reviews, &[0]));
    }
}
