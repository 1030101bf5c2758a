use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Only children looked after continuously for 12 months at 31 March have an SDQ score.
    code: "185",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but a Strengths and Difficulties (SDQ) score has been completed.",
    fields: ["SDQ_SCORE"],
    tables: [Episodes, Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let t = cx.t(T::Oc2);
    let (child, score) = (t.col("CHILD"), t.col("SDQ_SCORE"));
    for r in t.rows() {
        if score.is_present(r) && !child.str(r).is_some_and(|c| cla.contains(c)) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn score_only_for_cla() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/06/2025,S,C2,,\n\
                 3,01/01/2024,S,C2,01/06/2025,E11",
            ),
            (T::Oc2, "CHILD,SDQ_SCORE\n1,5\n2,5\n3,5\n4,5\n2,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1, 2, 3]));
    }
}
