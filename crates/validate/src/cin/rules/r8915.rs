use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child protection plan must not start after the child died. The plan and the
    /// child's identifiers row are flagged (matched on LAchildID).
    code: "8915",
    kind: Error,
    message: "Child Protection Plan shown as starting after the child’s Date of Death",
    fields: ["CPPstartDate", "PersonDeathDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| cpp_after_death(cx, h, "CPPstartDate"),
}];

/// Child protection plans whose date `col` is after the child's PersonDeathDate: flags the
/// plan and every identifiers row of the child (a missing LAchildID matching another, as
/// in the validator's merge).
pub(super) fn cpp_after_death(cx: &Ctx, h: &mut Hits, col: &str) {
    let plans = cx.t(T::ChildProtectionPlans);
    let (child, date) = (plans.col("LAchildID"), plans.col(col));
    let death = cx.t(T::ChildIdentifiers).col("PersonDeathDate");
    for r in plans.rows() {
        let Some(d) = date.iso_date(r) else { continue };
        for &i in cx.rows_of(T::ChildIdentifiers, child.text(r)) {
            if death.iso_date(i as usize).is_some_and(|died| d > died) {
                h.flag(T::ChildProtectionPlans, r);
                h.flag(T::ChildIdentifiers, i as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn plan_starting_after_death() {
        let t = tables(&[
            (
                T::ChildIdentifiers,
                "LAchildID,PersonDeathDate\nA,2025-06-01\nB,2025-06-01\nC,\nD,2025-06-01",
            ),
            (
                T::ChildProtectionPlans,
                "LAchildID,CPPstartDate\nA,2025-06-02\nB,2025-06-01\nC,2025-06-02\nD,\nA,2025-05-01",
            ),
        ]);
        let want = locs(&[(T::ChildIdentifiers, &[0]), (T::ChildProtectionPlans, &[0])]);
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
