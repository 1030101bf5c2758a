use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A reason for no SDQ score is only for children looked after continuously for 12
    /// months at 31 March.
        code: "198",
        message: "Child has not been looked after continuously for at least 12 months at 31 March but a reason for no Strengths and Difficulties (SDQ) score has been completed. ",
        fields: ["SDQ_REASON"],
    tables: [Episodes, Oc2],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let t = cx.t(T::Oc2);
    let (child, reason) = (t.col("CHILD"), t.col("SDQ_REASON"));
    for r in t.rows() {
        if reason.is_present(r) && !child.str(r).is_some_and(|c| cla.contains(c)) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn reason_needs_12_months() {
        let t = tables(&[
            (T::Oc2, "CHILD,SDQ_REASON\n1,SDQ1\n2,SDQ1\n3,\n4,SDQ1"),
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/05/2025,S,C2,,\n3,01/05/2025,S,C2,,\n4,01/01/2024,S,C2,01/06/2025,E11",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1, 3]));
    }
}
