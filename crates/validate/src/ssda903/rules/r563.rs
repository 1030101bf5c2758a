use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A decision that the child should no longer be placed for adoption (reason and date)
    /// needs the date of the original decision to place.
    code: "563",
    message: "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
    fields: ["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::PlacedAdoption, |t, r| {
        t.col("REASON_PLACED_CEASED").is_present(r)
            && t.col("DATE_PLACED_CEASED").is_present(r)
            && !t.col("DATE_PLACED").is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_without_placed_date() {
        let t = tables(&[(
            T::PlacedAdoption,
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,,01/01/2020,RD1\n2,X,01/01/2020,RD1\n3,,,RD1\n4,,01/01/2020,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0]));
    }
}
