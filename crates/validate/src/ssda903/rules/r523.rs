use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of the decision to place for adoption (PlacedAdoption DATE_PLACED) and the
    /// best-interests decision (AD1 DATE_INT) record the same decision, so must agree.
    code: "523",
    message: "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
    fields: ["DATE_PLACED", "DATE_INT"],
    tables: [PlacedAdoption, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (pa, ad1) = (cx.t(T::PlacedAdoption), cx.t(T::Ad1));
    let keys = MergeKeys::new(ad1);
    let (child, placed) = (pa.col("CHILD"), pa.col("DATE_PLACED"));
    let date_int = ad1.col("DATE_INT");
    for r in pa.rows() {
        let Some(p) = placed.date(r) else { continue };
        for &a in keys.rows(child.str(r)) {
            if date_int.date(a as usize).is_some_and(|d| d != p) {
                f.flag(T::PlacedAdoption, r);
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
    fn decision_dates_agree() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n2,01/01/2025\n3,\n4,01/01/2025",
            ),
            (
                T::Ad1,
                "CHILD,DATE_INT\n2,01/01/2025\n1,02/01/2025\n3,02/01/2025\n4,BAD",
            ),
        ]);
        let mut want = rows(T::Ad1, &[1]);
        want.extend(rows(T::PlacedAdoption, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
