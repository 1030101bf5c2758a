use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision to place a child for adoption cannot be before the child's birth. As in
    /// the validator, the DOB compared is the PlacedAdoption row's own, and a decision date
    /// with no valid DOB to compare is flagged; the rule runs only with a Header.
    code: "184",
    message: "Date of decision that a child should be placed for adoption is before the child was born.",
    fields: ["DATE_PLACED", "DOB"],
    tables: [Header, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let pa = cx.t(T::PlacedAdoption);
    let (placed, dob) = (pa.col("DATE_PLACED"), pa.col("DOB"));
    for r in pa.rows() {
        if let Some(p) = placed.date(r) {
            if dob.date(r).is_none_or(|d| p < d) {
                f.flag(T::PlacedAdoption, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placed_before_birth() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2020"),
            (
                T::PlacedAdoption,
                "CHILD,DOB,DATE_PLACED\n1,01/01/2020,31/12/2019\n1,01/01/2020,01/01/2020\n2,,01/01/2021\n3,01/01/2020,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0, 2]));
    }
}
