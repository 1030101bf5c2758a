use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child placed for adoption (A3-A6) needs a PlacedAdoption record with the date of the
    /// decision to place (DATE_PLACED).
    code: "551",
    message: "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
    fields: ["DATE_PLACED", "PLACE"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let pa = cx.t(T::PlacedAdoption);
    let keys = MergeKeys::new(pa);
    let placed = pa.col("DATE_PLACED");
    flag_where(cx, f, T::Episodes, |e, r| {
        if !matches!(e.col("PLACE").str(r), Some("A3" | "A4" | "A5" | "A6")) {
            return false;
        }
        let matched = keys.rows(e.col("CHILD").str(r));
        matched.is_empty() || matched.iter().any(|&p| !placed.is_present(p as usize))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adoption_placement_needs_decision_date() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,PLACE\n1,A3\n2,A4\n3,A5\n4,K2\n5,A6",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n3,\n3,01/01/2025\n4,\n5,BAD",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2]));
    }
}
