use super::prelude::*;
use hashbrown::HashMap;

/// Dated reviews by child, CIN episode and plan.
type ReviewsByPlan<'a> = HashMap<(&'a str, &'a str, &'a str), Vec<(usize, Date)>>;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan's reviews must fall after the plan's start. Reviews are
    /// matched to plans on child, CIN episode and CPPID (missing values matching each
    /// other, as in the validator's merge); the review and the plan are flagged.
    code: "8841",
    kind: Error,
    message: "The review date cannot be on the same day or before the Child protection Plan start date.",
    fields: ["CPPstartDate", "CPPreviewDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let rv = cx.t(T::Reviews);
        let mut reviews: ReviewsByPlan = HashMap::new();
        let (c, i, p, d) = (
            rv.col("LAchildID"),
            rv.col("CINdetailsID"),
            rv.col("CPPID"),
            rv.col("CPPreviewDate"),
        );
        for r in rv.rows() {
            if let Some(date) = d.iso_date(r) {
                reviews.entry((c.text(r), i.text(r), p.text(r))).or_default().push((r, date));
            }
        }
        let cpp = cx.t(T::ChildProtectionPlans);
        let (c, i, p, s) = (
            cpp.col("LAchildID"),
            cpp.col("CINdetailsID"),
            cpp.col("CPPID"),
            cpp.col("CPPstartDate"),
        );
        for r in cpp.rows() {
            let Some(start) = s.iso_date(r) else { continue };
            let Some(list) = reviews.get(&(c.text(r), i.text(r), p.text(r))) else { continue };
            for &(q, review) in list {
                if review <= start {
                    h.flag(T::ChildProtectionPlans, r);
                    h.flag(T::Reviews, q);
                }
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn reviews_on_or_before_the_start() {
        let t = tables(&[
            (
                T::ChildProtectionPlans,
                "LAchildID,CINdetailsID,CPPID,CPPstartDate\nA,1,1,2025-06-01\nA,1,2,2025-09-01\nB,1,1,",
            ),
            (
                T::Reviews,
                "LAchildID,CINdetailsID,CPPID,CPPreviewDate\nA,1,1,2025-06-01\nA,1,1,2025-07-01\nA,1,2,2025-08-01\nB,1,1,2025-01-01\nA,2,1,2025-01-01",
            ),
        ]);
        let want = locs(&[(T::ChildProtectionPlans, &[0, 1]), (T::Reviews, &[0, 2])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
