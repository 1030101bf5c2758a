use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Health promotion information is only collected for children under 5 at 31 March
    /// (checked for children looked after continuously for 12 months).
    code: "546",
    message: "Children aged 5 or over at 31 March should not have health promotion information completed.",
    fields: ["DOB", "HEALTH_CHECK"],
    tables: [Episodes, Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let end = cx.end;
    flag_where(cx, f, T::Oc2, |t, r| {
        t.col("HEALTH_CHECK").is_present(r)
            && t.col("DOB")
                .date(r)
                .and_then(|d| plus_years(d, 5))
                .is_some_and(|d5| end >= d5)
            && continuously_looked_after(cx, t.col("CHILD").str(r))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn five_or_over_with_health_check() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2020,S,C2,,\n2,01/01/2020,S,C2,,\n\
                 3,01/01/2020,S,C2,,\n4,01/01/2020,S,V3,,",
            ),
            (
                T::Oc2,
                "CHILD,DOB,HEALTH_CHECK\n1,31/03/2021,1\n2,01/04/2021,1\n3,31/03/2021,\n4,01/01/2015,1\n5,01/01/2015,1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
