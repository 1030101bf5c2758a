use super::prelude::*;

const AD1_FIELDS: [&str; 6] = [
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

pub const RULES: &[Rule] = &[rule! {
    /// A child adopted this year (an episode with REC E11/E12 and DEC in the year) needs
    /// every AD1 field: flags the episode and the child's AD1 rows with any field blank.
    code: "601",
    message: "The additional fields relating to adoption have not been completed although the episode data shows that the child was adopted during the year.",
    fields: ["REC", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    tables: [Episodes, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let ad1_by = merge_groups(ad1);
    let (dec, rec) = (eps.col("DEC"), eps.col("REC"));
    let cols: Vec<&Column> = AD1_FIELDS.iter().map(|c| ad1.col(c)).collect();
    for r in eps.rows() {
        let adopted = matches!(rec.str(r), Some("E11" | "E12"))
            && dec.date(r).is_some_and(|d| cx.start <= d && d <= cx.end);
        if !adopted {
            continue;
        }
        for &a in ad1_by.rows(merge_key(eps, r)) {
            if cols.iter().any(|c| !c.is_present(a as usize)) {
                f.flag(T::Ad1, a as usize);
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adopted_without_ad1_fields() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E11\n2,01/06/2025,E12\n3,01/06/2024,E11\n4,01/06/2025,E4A",
            ),
            (
                T::Ad1,
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 1,01/01/2025,01/02/2025,0,1,F,L0\n\
                 2,01/01/2025,,0,1,F,L0\n\
                 3,,,,,,\n\
                 4,,,,,,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::Ad1, &[1]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
