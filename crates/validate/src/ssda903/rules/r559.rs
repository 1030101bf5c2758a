use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A decision to place for adoption dated before this collection year must already
    /// appear (with a valid date) in last year's return.
    code: "559",
    message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
    fields: ["DATE_PLACED"],
    tables: [PlacedAdoption, PlacedAdoptionLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let last = cx.t(T::PlacedAdoptionLast);
    let keys = MergeKeys::new(last);
    let placed_last = last.col("DATE_PLACED");
    let start = cx.start;
    flag_where(cx, f, T::PlacedAdoption, |pa, r| {
        if pa.col("DATE_PLACED").date(r).is_none_or(|d| d >= start) {
            return false;
        }
        let matched = keys.rows(pa.col("CHILD").str(r));
        matched.is_empty() || matched.iter().any(|&l| placed_last.date(l as usize).is_none())
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_decision_missing_last_year() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n2,01/01/2025\n3,01/01/2025\n4,01/05/2025\n5,BAD",
            ),
            (
                T::PlacedAdoptionLast,
                "CHILD,DATE_PLACED\n2,01/01/2025\n3,\n3,01/01/2025",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0, 2]));
    }
}
