use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Within one CIN episode at most one Section 47 enquiry may be open: no valid
    /// conference date and `ICPCnotRequired` not "true" or "1". When two or more are, every
    /// Section 47 row of the episode without a conference date is flagged (including ones
    /// marked not required), as the validator does. Rows are grouped on child and episode,
    /// missing values forming a group of their own.
    code: "8839",
    kind: Error,
    message: "Within one CINDetails group there are 2 or more open S47 Assessments",
    fields: ["DateOfInitialCPC"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Section47);
        let (icpc, not_required) = (t.col("DateOfInitialCPC"), t.col("ICPCnotRequired"));
        for rows in by_episode(cx, T::Section47).values() {
            let undated: Vec<usize> = rows.iter().copied().filter(|&r| icpc.iso_date(r).is_none()).collect();
            let open = undated
                .iter()
                .filter(|&&r| !matches!(not_required.str(r), Some("true" | "1")))
                .count();
            if open > 1 {
                h.flag_rows(T::Section47, undated.iter().map(|&r| r as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn two_open_enquiries_in_an_episode() {
        let t = tables(&[(
            T::Section47,
            "LAchildID,CINdetailsID,DateOfInitialCPC,ICPCnotRequired\n\
             A,1,,\nA,1,,false\nA,1,,true\nA,1,2025-06-01,\n\
             B,1,,\nB,1,,1\nB,2,,\n\
             C,1,,TRUE\nC,1,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Section47, &[0, 1, 2, 7, 8]));
    }
}
