use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child has at most one OC2 record; every record of a repeated child is flagged
    /// (rows with no CHILD are not counted).
    code: "INT33",
    message: "Internal Check: Child should only exist once in OC2.",
    fields: ["CHILD"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    int_only_once(cx, f, T::Oc2);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn repeated_children() {
        let t = tables(&[(T::Oc2, "CHILD,DOB,SDQ_SCORE\n1,,\n2,,\n1,,\n,,\n,,\n3,,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0, 2]));
    }
}
