use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision that adoption is in the child's best interests (AD1 DATE_INT) must come
    /// on or before the start of any adoption placement (A3-A6); both rows are flagged.
    code: "521",
    message: "Date of local authority's decision (LA) that adoption is in the best interests of the child (date should be placed) must be on or prior to the date the child is placed for adoption.",
    fields: ["PLACE", "DECOM", "DATE_INT"],
    tables: [Episodes, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let keys = MergeKeys::new(ad1);
    let (child, place, decom) = (e.col("CHILD"), e.col("PLACE"), e.col("DECOM"));
    let date_int = ad1.col("DATE_INT");
    for r in e.rows() {
        let Some(start) = decom.date(r) else { continue };
        if !matches!(place.str(r), Some("A3" | "A4" | "A5" | "A6")) {
            continue;
        }
        for &a in keys.rows(child.str(r)) {
            if date_int.date(a as usize).is_some_and(|d| d > start) {
                f.flag(T::Episodes, r);
                f.flag(T::Ad1, a as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn decision_after_adoption_placement() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,PLACE\n1,01/01/2025,A3\n2,01/01/2025,A4\n3,01/01/2025,K2\n4,01/01/2025,A5\n,01/01/2025,A6",
            ),
            (
                T::Ad1,
                "CHILD,DATE_INT\n1,02/01/2025\n2,01/01/2025\n3,02/01/2025\n4,\n,02/01/2025",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0, 4]);
        want.extend(rows(T::Ad1, &[0, 4]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
