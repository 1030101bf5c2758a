use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN episode may have one open CIN plan (no end date) at most; all the plan rows
    /// of an episode with more are flagged (episodes of children without an ID are not
    /// counted, as pandas' groupby drops them).
    code: "4004",
    kind: Error,
    message: "This child is showing more than one open CIN Plan, i.e. with no End Date",
    fields: ["CINPlanEndDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let end = cx.t(T::CinPlanDates).col("CINPlanEndDate");
        for ((child, _), rows) in by_episode(cx, T::CinPlanDates) {
            let open = rows.iter().filter(|&&r| end.iso_date(r).is_none()).count();
            if !child.is_empty() && open > 1 {
                h.flag_rows(T::CinPlanDates, rows.iter().map(|&r| r as u32));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn two_open_plans() {
        let t = tables(&[(
            T::CinPlanDates,
            "LAchildID,CINdetailsID,CINPlanEndDate\nA,1,\nA,1,\nA,1,2025-05-01\nB,1,\nB,2,\nC,1,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::CinPlanDates, &[0, 1, 2]));
    }
}
