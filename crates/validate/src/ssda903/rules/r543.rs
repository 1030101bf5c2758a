use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child aged 10 or over at 31 March who has been looked after continuously for 12
    /// months must have CONVICTED completed.
    code: "543",
    message: "Child is aged 10 or over at 31 March and has been looked after continuously for 12 months yet conviction information has not been completed.",
    fields: ["DOB", "CONVICTED"],
    tables: [Episodes, Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let end = cx.end;
    flag_where(cx, f, T::Oc2, |t, r| {
        !t.col("CONVICTED").is_present(r)
            && t.col("DOB")
                .date(r)
                .and_then(|d| plus_years(d, 10))
                .is_some_and(|d10| end > d10)
            && continuously_looked_after(cx, t.col("CHILD").str(r))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ten_or_over_and_looked_after_needs_conviction() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2020,S,C2,,\n2,01/01/2020,S,C2,,\n\
                 3,01/01/2020,S,C2,,\n4,01/06/2025,S,C2,,",
            ),
            (
                T::Oc2,
                "CHILD,DOB,CONVICTED\n1,30/03/2016,\n2,31/03/2016,\n3,01/01/2010,0\n4,01/01/2010,\n5,01/01/2010,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
