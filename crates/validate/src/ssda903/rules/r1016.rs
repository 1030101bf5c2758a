use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Care leaver information (IN_TOUCH, ACTIV, ACCOM) is not expected for a young person
    /// aged 17 at year end whose episode ended on or after their 17th birthday, nor for one
    /// aged 18 whose episode ended on or after their 18th. Ages are the validator's: days to
    /// 31 March compared with numpy years of 365.2425 days. The reference stops with an error
    /// when any OC3 date of birth is not a valid date; here such rows are not checked.
    code: "1016",
    message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Oc3, Episodes],
    years: Y2023_24..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let e = cx.t(T::Episodes);
    let dec = e.col("DEC");
    // The latest valid DEC of each child (missing CHILD matching missing, as in the merge).
    let latest = |rows: &mut dyn Iterator<Item = usize>| rows.filter_map(|r| dec.date(r)).max();
    let missing = latest(&mut e.rows().filter(|&r| child_of(e, r).is_none()));
    let oc3 = cx.t(T::Oc3);
    for r in oc3.rows() {
        let Some(dob) = oc3.col("DOB").date(r) else { continue };
        if !["IN_TOUCH", "ACTIV", "ACCOM"].iter().any(|c| oc3.col(c).is_present(r)) {
            continue;
        }
        let last = match child_of(oc3, r) {
            Some(c) => latest(&mut e.rows_of(c).iter().map(|&r| r as usize)),
            None => missing,
        };
        let Some(dec) = last else { continue };
        let days = dob.days_until(cx.end);
        let birthday = if days >= np_years_days(17) && days < np_years_days(18) {
            17
        } else if days >= np_years_days(18) && days < np_years_days(19) {
            18
        } else {
            continue;
        };
        if dec >= add_years(dob, birthday) {
            f.flag(T::Oc3, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn leavers_after_their_birthday() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC\n1,01/06/2025\n2,01/06/2025\n3,01/06/2025\n4,01/06/2025\n5,01/06/2025\n6,01/06/2025",
            ),
            (
                T::Oc3,
                "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n\
                 1,01/05/2008,YES,,\n\
                 2,01/07/2008,YES,,\n\
                 3,01/05/2007,,F1,\n\
                 4,01/05/2008,,,\n\
                 5,01/05/2006,YES,,\n\
                 6,31/02/2008,YES,,\n\
                 7,01/05/2008,YES,,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0, 2]));
    }
}
