use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A continuously looked-after child who turns 4 or 17 during the year should have an
    /// SDQ score or a reason for having none.
        code: "197B",
        message: "SDQ score or reason for no SDQ should be reported for 4- or 17-year-olds.",
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
    let in_year = |d: Option<Date>| d.is_some_and(|d| d >= cx.start && d <= cx.end);
    for r in t.rows() {
        let dob = dob.date(r);
        let turns = in_year(dob.and_then(|d| plus_years(d, 4)))
            || in_year(dob.and_then(|d| plus_years(d, 17)));
        if turns
            && child.str(r).is_some_and(|c| cla.contains(c))
            && !score.is_present(r)
            && !reason.is_present(r)
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
    fn sdq_for_4_and_17() {
        let t = tables(&[
            (
                T::Oc2,
                "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/06/2021,,\n2,01/06/2008,,\n3,01/06/2021,10,\n4,01/06/2021,,\n5,01/06/2015,,",
            ),
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/01/2024,S,C2,,\n3,01/01/2024,S,C2,,\n4,01/05/2025,S,C2,,\n5,01/01/2024,S,C2,,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0, 1]));
    }
}
