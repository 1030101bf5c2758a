use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Children looked after continuously for 12 months who were 4 or over at the start of
    /// the year and under 17 at its end need an SDQ score or a reason for none.
    code: "186",
    message: "Children aged 4 or over at the start of the year and children aged under 17 at the end of the year and who have been looked after for at least 12 months continuously should have a Strengths and Difficulties (SDQ) score completed.",
    fields: ["SDQ_SCORE"],
    tables: [Episodes, Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let t = cx.t(T::Oc2);
    let (child, dob) = (t.col("CHILD"), t.col("DOB"));
    for r in t.rows() {
        let in_age = dob.date(r).is_some_and(|d| {
            plus_years(d, 4).is_some_and(|d4| d4 <= cx.start)
                && plus_years(d, 17).is_some_and(|d17| d17 > cx.end)
        });
        if in_age
            && child.str(r).is_some_and(|c| cla.contains(c))
            && !any_present(t, &["SDQ_SCORE", "SDQ_REASON"], r)
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
    fn score_or_reason_needed() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/01/2024,S,C2,,\n\
                 3,01/01/2024,S,C2,,\n4,01/06/2025,S,C2,,",
            ),
            (
                T::Oc2,
                "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2015,,\n2,01/04/2015,,SDQ2\n\
                 3,01/04/2009,,\n4,01/04/2015,,\n3,01/04/2009,,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0, 2, 4]));
    }
}
