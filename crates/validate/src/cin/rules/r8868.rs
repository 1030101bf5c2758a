use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When a CIN episode has a valid closure date, each of its Section 47 enquiries must be
    /// completed either by a conference date or by `ICPCnotRequired` "true" or "1", but not
    /// both. The enquiry and the episode row are flagged; rows are joined on child and
    /// episode, missing values matching each other.
    code: "8868",
    kind: Error,
    message: "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag",
    fields: ["ICPCnotRequired", "CINclosureDate", "DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let s47 = by_episode(cx, T::Section47);
        let s = cx.t(T::Section47);
        let (icpc, not_required) = (s.col("DateOfInitialCPC"), s.col("ICPCnotRequired"));
        let t = cx.t(T::CinDetails);
        let (child, id, closure) = (t.col("LAchildID"), t.col("CINdetailsID"), t.col("CINclosureDate"));
        for r in t.rows() {
            if closure.iso_date(r).is_none() {
                continue;
            }
            for &q in s47.get(&(child.text(r), id.text(r))).into_iter().flatten() {
                let held = icpc.iso_date(q).is_some();
                let waived = matches!(not_required.str(q), Some("true" | "1"));
                if held == waived {
                    h.flag(T::CinDetails, r);
                    h.flag(T::Section47, q);
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
    fn closed_episode_with_an_unfinished_enquiry() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,CINclosureDate\nA,1,2025-09-01\nB,1,\nC,1,2025-09-01\nD,1,2025-09-01",
            ),
            (
                T::Section47,
                "LAchildID,CINdetailsID,DateOfInitialCPC,ICPCnotRequired\n\
                 A,1,2025-06-01,\nA,1,,true\nA,1,,\nB,1,,\nC,1,2025-06-01,1\nD,1,,TRUE",
            ),
        ]);
        let want = locs(&[(T::CinDetails, &[0, 2, 3]), (T::Section47, &[2, 4, 5])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
