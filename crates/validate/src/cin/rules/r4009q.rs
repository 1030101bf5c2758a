use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must not end after the child's death: the child's identifiers row and
    /// the plan are flagged.
    code: "4009Q",
    kind: Query,
    message: "CIN Plan cannot end after the child’s Date of Death",
    fields: ["PersonDeathDate", "CINPlanEndDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| after_death(cx, h, "CINPlanEndDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_ending_after_death() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonDeathDate\nA,2025-06-01\nB,\nC,2025-06-01"),
            (T::CinPlanDates, "LAchildID,CINPlanEndDate\nA,2025-06-02\nB,2025-06-02\nC,2025-06-01\nA,2025-05-01"),
        ]);
        let mut want = rows(T::ChildIdentifiers, &[0]);
        want.extend(rows(T::CinPlanDates, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
