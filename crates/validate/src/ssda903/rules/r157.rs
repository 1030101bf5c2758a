use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// SDQ1 (no score: child under 4 or over 16) is not a valid reason for a child looked
    /// after continuously for 12 months who was 4 or over at the start of the year and not
    /// yet past 16 at its end.
    code: "157",
    message: "Child is aged 4 years or over at the beginning of the year or 16 years or under at the end of the year and Strengths and Difficulties Questionnaire (SDQ) 1 has been recorded as the reason for no Strengths and Difficulties Questionnaire (SDQ) score.",
    fields: ["SDQ_REASON", "DOB"],
    tables: [Oc2, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let t = cx.t(T::Oc2);
    let (child, dob) = (t.col("CHILD"), t.col("DOB"));
    let (score, reason) = (t.col("SDQ_SCORE"), t.col("SDQ_REASON"));
    for r in t.rows() {
        let in_age = dob.date(r).is_some_and(|d| {
            plus_years(d, 4).is_some_and(|d4| d4 <= cx.start)
                && plus_years(d, 16).is_some_and(|d16| d16 >= cx.end)
        });
        if in_age
            && child.str(r).is_some_and(|c| cla.contains(c))
            && !score.is_present(r)
            && reason.str(r) == Some("SDQ1")
        {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn sdq1_for_school_age_cla() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/01/2024,S,C2,,\n\
                 3,01/01/2024,S,C2,,\n4,01/06/2025,S,C2,,",
            ),
            (
                T::Oc2,
                "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2015,,SDQ1\n2,01/04/2015,,SDQ2\n\
                 3,01/04/2022,,SDQ1\n4,01/04/2015,,SDQ1\n1,01/04/2015,5,SDQ1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
