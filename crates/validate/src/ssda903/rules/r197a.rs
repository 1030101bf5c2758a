use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A reason for no SDQ score is only for children without a score: both given is an
    /// error.
        code: "197a",
        message: "Reason for no Strengths and Difficulties (SDQ) score is not required if Strengths and Difficulties Questionnaire score is filled in.",
        fields: ["SDQ_SCORE", "SDQ_REASON"],
    tables: [Oc2],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let (score, reason) = (t.col("SDQ_SCORE"), t.col("SDQ_REASON"));
    for r in t.rows() {
        if score.is_present(r) && reason.is_present(r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn score_and_reason() {
        let t = tables(&[(T::Oc2, "CHILD,SDQ_SCORE,SDQ_REASON\n1,10,SDQ1\n2,10,\n3,,SDQ1\n4,,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
