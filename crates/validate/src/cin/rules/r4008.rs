use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A CIN plan must not start after the child's death: the child's identifiers row and
    /// the plan are flagged.
    code: "4008",
    kind: Error,
    message: "CIN Plan shown as starting after the child’s Date of Death.",
    fields: ["PersonDeathDate", "CINPlanStartDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| after_death(cx, h, "CINPlanStartDate"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_starting_after_death() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID,PersonDeathDate\nA,2025-06-01\nB,\nC,2025-06-01"),
            (T::CinPlanDates, "LAchildID,CINPlanStartDate\nA,2025-06-02\nB,2025-06-02\nC,2025-06-01\nA,2025-05-01"),
        ]);
        let mut want = rows(T::ChildIdentifiers, &[0]);
        want.extend(rows(T::CinPlanDates, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
