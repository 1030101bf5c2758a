use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child whose decision to be placed for adoption was reversed (DATE_PLACED_CEASED)
    /// cannot also have adoption (AD1) details this year; both rows are flagged.
    code: "525",
    message: "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
    fields: ["DATE_PLACED_CEASED", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    tables: [PlacedAdoption, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

const AD1_FIELDS: [&str; 6] = [
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (pa, ad1) = (cx.t(T::PlacedAdoption), cx.t(T::Ad1));
    let keys = MergeKeys::new(ad1);
    let (child, ceased) = (pa.col("CHILD"), pa.col("DATE_PLACED_CEASED"));
    for r in pa.rows() {
        if !ceased.is_present(r) {
            continue;
        }
        for &a in keys.rows(child.str(r)) {
            let a = a as usize;
            if AD1_FIELDS.iter().any(|c| ad1.col(c).is_present(a)) {
                f.flag(T::PlacedAdoption, r);
                f.flag(T::Ad1, a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn reversed_decision_with_adoption() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED\n1,01/01/2025\n2,01/01/2025\n3,\n4,01/01/2025",
            ),
            (
                T::Ad1,
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 2,,,,,,\n1,,,,1,,\n3,01/01/2025,,,,,",
            ),
        ]);
        let mut want = rows(T::Ad1, &[1]);
        want.extend(rows(T::PlacedAdoption, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
