use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision that a child should no longer be placed for adoption cannot precede the
    /// decision that they should be.
    code: "522",
    message: "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::DateOrder {
        table: T::PlacedAdoption,
        earlier: "DATE_PLACED",
        later: "DATE_PLACED_CEASED",
        equal_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_before_placed() {
        let t = tables(&[(
            T::PlacedAdoption,
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n1,02/01/2020,01/01/2020\n2,01/01/2020,01/01/2020\n3,,01/01/2020\n4,01/01/2020,02/01/2020",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0]));
    }
}
