use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan review must not fall while one of the child's CIN plans is
    /// open (on or after its start, before its end). As in the validator, reviews are
    /// matched to plans by child and CPPID only, reviews of plans with no end date and
    /// reviews on the plan's end date are not flagged, and CIN plans without an end date
    /// never contain a review. The review, its plan and the CIN plan are flagged.
    code: "4003",
    kind: Error,
    message: "A CPP review date is shown as being held at the same time as an open CIN Plan.",
    fields: ["CINPlanStartDate", "CINPlanEndDate", "CPPreviewDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let reviews = cx.t(T::Reviews);
        let cpp = cx.t(T::ChildProtectionPlans);
        let cin = cx.t(T::CinPlanDates);
        let (cin_start, cin_end) = (cin.col("CINPlanStartDate"), cin.col("CINPlanEndDate"));
        let cpp_end = cpp.col("CPPendDate");
        let cpp_id = cpp.col("CPPID");
        for r in reviews.rows() {
            let Some(review) = reviews.col("CPPreviewDate").iso_date(r) else { continue };
            let child = reviews.col("LAchildID").text(r);
            let id = reviews.col("CPPID").text(r);
            for &p in cx.rows_of(T::ChildProtectionPlans, child) {
                let p = p as usize;
                if cpp_id.text(p) != id {
                    continue;
                }
                let Some(end) = cpp_end.iso_date(p) else { continue };
                if review == end {
                    continue;
                }
                for &q in cx.rows_of(T::CinPlanDates, child) {
                    let q = q as usize;
                    let inside = cin_start.iso_date(q).is_some_and(|s| s <= review)
                        && cin_end.iso_date(q).is_some_and(|e| review < e);
                    if inside {
                        h.flag(T::Reviews, r);
                        h.flag(T::ChildProtectionPlans, p);
                        h.flag(T::CinPlanDates, q);
                    }
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
    fn review_during_a_cin_plan() {
        let t = tables(&[
            (T::ChildProtectionPlans, "LAchildID,CPPID,CPPendDate\nA,1,2025-09-01\nB,1,2025-09-01\nC,1,"),
            (T::Reviews, "LAchildID,CPPID,CPPreviewDate\nA,1,2025-06-01\nB,1,2025-09-01\nC,1,2025-06-01\nA,1,2025-08-01"),
            (
                T::CinPlanDates,
                "LAchildID,CINPlanStartDate,CINPlanEndDate\nA,2025-05-01,2025-07-01\nB,2025-05-01,2025-10-01\nC,2025-05-01,2025-10-01",
            ),
        ]);
        let want = locs(&[(T::ChildProtectionPlans, &[0]), (T::CinPlanDates, &[0]), (T::Reviews, &[0])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
