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
    /// AD1 details belong to children adopted this year: flags AD1 rows with any field
    /// given for a child with no episode ending in the year with REC E11/E12.
    code: "602",
    message: "The episode data submitted for this child does not show that he/she was adopted during the year.",
    fields: ["CHILD"],
    tables: [Episodes, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let (dec, rec) = (eps.col("DEC"), eps.col("REC"));
    let adopted: hashbrown::HashSet<&str> = eps
        .rows()
        .filter(|&r| {
            matches!(rec.str(r), Some("E11" | "E12"))
                && dec.date(r).is_some_and(|d| cx.start <= d && d <= cx.end)
        })
        .map(|r| merge_key(eps, r))
        .collect();
    let cols: Vec<&Column> = AD1_FIELDS.iter().map(|c| ad1.col(c)).collect();
    for a in ad1.rows() {
        if !adopted.contains(merge_key(ad1, a)) && cols.iter().any(|c| c.is_present(a)) {
            f.flag(T::Ad1, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ad1_without_adoption() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E11\n2,01/06/2024,E12\n3,01/06/2025,E4A",
            ),
            (
                T::Ad1,
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 1,01/01/2025,,,,,\n\
                 2,01/01/2025,,,,,\n\
                 3,,,,,,\n\
                 4,,,0,,,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 3]));
    }
}
