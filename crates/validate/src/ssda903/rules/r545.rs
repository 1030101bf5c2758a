use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child under 5 at 31 March who has been looked after continuously for 12 months
    /// must have the health promotion field (HEALTH_CHECK) completed.
    code: "545",
    message: "Child is aged under 5 at 31 March and has been looked after continuously for 12 months yet health promotion information has not been completed.",
    fields: ["DOB", "HEALTH_CHECK"],
    tables: [Oc2, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let end = cx.end;
    flag_where(cx, f, T::Oc2, |t, r| {
        !t.col("HEALTH_CHECK").is_present(r)
            && t.col("DOB")
                .date(r)
                .and_then(|d| plus_years(d, 5))
                .is_some_and(|d5| end < d5)
            && continuously_looked_after(cx, t.col("CHILD").str(r))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn under_five_and_looked_after_needs_health_check() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2022,S,C2,,\n2,01/01/2022,S,C2,,\n\
                 3,01/01/2022,S,C2,,\n4,01/01/2022,S,C2,01/06/2025,E11",
            ),
            (
                T::Oc2,
                "CHILD,DOB,HEALTH_CHECK\n1,01/04/2021,\n2,31/03/2021,\n3,01/04/2021,1\n4,01/04/2021,\n5,01/04/2021,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
