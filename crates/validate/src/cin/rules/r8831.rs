use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A referral with no further action (`ReferralNFA` exactly "true" or "1") must record
    /// no activity: no initial child protection conference date on the episode, and no
    /// Section 47 start or assessment start or authorisation dates. The episode row is
    /// flagged with the Section 47 and assessment rows carrying dates; when the episode
    /// itself has a conference date, all its Section 47 rows are flagged, as in the
    /// validator. Rows are joined on child and episode, missing values matching each other.
    code: "8831",
    kind: Error,
    message: "Activity is recorded against a case marked as a referral with no further action",
    fields: ["AssessmentActualStartDate", "AssessmentAuthorisationDate", "S47ActualStartDate", "DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let s47 = by_episode(cx, T::Section47);
        let ass = by_episode(cx, T::Assessments);
        let s47_start = cx.t(T::Section47).col("S47ActualStartDate");
        let a = cx.t(T::Assessments);
        let (a_start, a_auth) = (a.col("AssessmentActualStartDate"), a.col("AssessmentAuthorisationDate"));
        let t = cx.t(T::CinDetails);
        let (child, id, nfa, icpc) = (t.col("LAchildID"), t.col("CINdetailsID"), t.col("ReferralNFA"), t.col("DateOfInitialCPC"));
        for r in t.rows() {
            if !matches!(nfa.str(r), Some("true" | "1")) {
                continue;
            }
            let key = (child.text(r), id.text(r));
            let conference = icpc.iso_date(r).is_some();
            if conference {
                h.flag(T::CinDetails, r);
            }
            for &q in s47.get(&key).into_iter().flatten() {
                if conference || s47_start.iso_date(q).is_some() {
                    h.flag(T::CinDetails, r);
                    h.flag(T::Section47, q);
                }
            }
            for &q in ass.get(&key).into_iter().flatten() {
                if a_start.iso_date(q).is_some() || a_auth.iso_date(q).is_some() {
                    h.flag(T::CinDetails, r);
                    h.flag(T::Assessments, q);
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
    fn activity_on_a_referral_with_no_further_action() {
        let t = tables(&[
            (
                T::CinDetails,
                "LAchildID,CINdetailsID,ReferralNFA,DateOfInitialCPC\n\
                 A,1,true,\nB,1,1,2025-06-01\nC,1,false,2025-06-01\nD,1,TRUE,2025-06-01\nE,1,true,",
            ),
            (T::Section47, "LAchildID,CINdetailsID,S47ActualStartDate\nA,1,2025-05-01\nA,1,\nB,1,\nC,1,2025-05-01\nE,1,"),
            (
                T::Assessments,
                "LAchildID,CINdetailsID,AssessmentActualStartDate,AssessmentAuthorisationDate\nA,1,,2025-05-01\nE,1,,\nC,1,2025-05-01,",
            ),
        ]);
        let want = locs(&[(T::Assessments, &[0]), (T::CinDetails, &[0, 1]), (T::Section47, &[0, 2])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
