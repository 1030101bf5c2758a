use super::prelude::*;

const FIELDS: &[&str] = &["IN_TOUCH", "ACTIV", "ACCOM"];

pub const RULES: &[Rule] = &[rule! {
    /// A care leaver's in-touch, activity and accommodation items are all completed or all
    /// left blank.
    code: "153",
    message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc3);
    for r in t.rows() {
        if any_present(t, FIELDS, r) && !all_present(t, FIELDS, r) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn all_or_none() {
        let t = tables(&[(
            T::Oc3,
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,,,\n3,YES,,\n4,,,0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[2, 3]));
    }
}
