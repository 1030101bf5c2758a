use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Care leaver outcomes (IN_TOUCH, ACTIV, ACCOM) are only collected for young people
    /// aged 17 or over by the end of the collection year.
    code: "391",
    message: "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ",
    fields: ["DOB", "IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| {
        let t = cx.t(T::Oc3);
        let dob = t.col("DOB");
        let outcomes = [t.col("IN_TOUCH"), t.col("ACTIV"), t.col("ACCOM")];
        flag_where(cx, f, T::Oc3, |_, r| {
            dob.date(r).is_some_and(|d| plus_years_clamped(d, 17) > cx.end)
                && outcomes.iter().any(|c| c.is_present(r))
        })
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn outcomes_for_under_seventeens() {
        let t = tables(&[(
            T::Oc3,
            "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/04/2009,YES,,\n2,31/03/2009,YES,F2,B\n3,01/04/2009,,,\n4,bad,YES,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0]));
    }
}
