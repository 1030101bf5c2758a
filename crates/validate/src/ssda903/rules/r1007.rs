use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Care leaver details are not for a 17- or 18-year-old (at 31 March, OC3 DOB) who was
    /// looked after on their last birthday (an episode with DECOM on or before it and DEC
    /// after it): flags such OC3 rows with IN_TOUCH, ACTIV or ACCOM given. The reference
    /// fails on any invalid DECOM/DEC and on a 29 February birthday in a non-leap year; we
    /// skip the invalid dates and use 28 February (see docs/validation-differences/h5.md).
    code: "1007",
    message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, oc3) = (cx.t(T::Episodes), cx.t(T::Oc3));
    let eps_by = merge_groups(eps);
    let (decom, dec) = (eps.col("DECOM"), eps.col("DEC"));
    let dob = oc3.col("DOB");
    let cols = [oc3.col("IN_TOUCH"), oc3.col("ACTIV"), oc3.col("ACCOM")];
    for o in oc3.rows() {
        if !cols.iter().any(|c| c.is_present(o)) {
            continue;
        }
        let Some(born) = dob.date(o) else { continue };
        let aged = plus_years(born, 17).is_some_and(|d| d <= cx.end)
            && plus_years(born, 19).is_some_and(|d| d > cx.end);
        if !aged {
            continue;
        }
        let Some(mut birthday) = with_year(born, cx.end.year()) else {
            continue;
        };
        if birthday > cx.end {
            let Some(b) = plus_years(birthday, -1) else { continue };
            birthday = b;
        }
        let in_care = eps_by.get(merge_key(oc3, o)).is_some_and(|rows| {
            rows.iter().any(|&r| {
                let r = r as usize;
                matches!((decom.date(r), dec.date(r)), (Some(a), Some(b)) if a <= birthday && b > birthday)
            })
        });
        if in_care {
            f.flag(T::Oc3, o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn looked_after_on_birthday() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC\n1,01/04/2025,01/09/2025\n2,01/04/2025,01/06/2025\n3,01/04/2025,\n4,01/04/2025,01/09/2025\n5,01/04/2025,01/09/2025",
            ),
            (
                T::Oc3,
                "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n1,01/07/2008,YES,,\n2,01/07/2008,YES,,\n3,01/07/2008,YES,,\n4,01/07/2010,YES,,\n5,01/07/2008,,,",
            ),
        ]);
        // child 2 left care before the birthday; child 3's episode is open (the reference
        // needs a DEC after the birthday); child 4 is 15.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0]));
    }
}
