use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// DATE_PERM, when given, must be a date (day or month may be ZZ, the year ZZZZ) before
    /// the child's first episode (earliest valid DECOM): flags that episode and the PrevPerm
    /// row. Children without a valid DECOM are not checked.
    code: "632",
    message: "Date of previous permanence order not a valid value. NOTE: This rule may result in false negatives where the period of care started before the current collection year",
    fields: ["DATE_PERM", "DECOM"],
    tables: [Episodes, PrevPerm],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, pp) = (cx.t(T::Episodes), cx.t(T::PrevPerm));
    let decom = eps.col("DECOM");
    let date = pp.col("DATE_PERM");
    for (child, rows) in eps.by_child() {
        let first = rows
            .iter()
            .filter_map(|&r| decom.date(r as usize).map(|d| (d, r)))
            .min();
        let Some((start, e)) = first else { continue };
        for &p in pp.rows_of(child) {
            let p = p as usize;
            let Some(text) = date.str(p) else { continue };
            let bad = valid_date_zz(text).is_none_or(|d| d >= start);
            if bad {
                f.flag(T::Episodes, e as usize);
                f.flag(T::PrevPerm, p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn perm_date_invalid_or_after_care() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM\n1,01/05/2025\n1,01/04/2025\n2,01/04/2025\n3,01/04/2025\n4,01/04/2025\n5,X",
            ),
            (
                T::PrevPerm,
                "CHILD,DATE_PERM\n1,01/04/2025\n2,ZZ/03/2025\n3,ZZ/04/2025\n4,01/13/2020\n5,X\n6,X",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1, 3, 4]);
        want.extend(rows(T::PrevPerm, &[0, 2, 3]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
