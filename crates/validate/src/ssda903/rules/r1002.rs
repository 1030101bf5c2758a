use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver must have been looked after: flags OC3 rows of children with no episode
    /// in this year's or last year's return.
    code: "1002",
    message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, Oc3, EpisodesLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (cur, last) = (merge_groups(cx.t(T::Episodes)), merge_groups(cx.t(T::EpisodesLast)));
    let oc3 = cx.t(T::Oc3);
    for r in oc3.rows() {
        let key = merge_key(oc3, r);
        if !cur.contains(key) && !last.contains(key) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn never_looked_after() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,01/04/2025"),
            (T::EpisodesLast, "CHILD,DECOM\n2,01/04/2024"),
            (T::Oc3, "CHILD,IN_TOUCH\n1,YES\n2,YES\n3,YES"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[2]));
    }
}
