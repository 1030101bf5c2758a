use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of the decision that a child should no longer be placed for adoption and
    /// the reason for it go together: both or neither.
    code: "119",
    message: "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
    fields: ["REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::PlacedAdoption);
    let (date, reason) = (t.col("DATE_PLACED_CEASED"), t.col("REASON_PLACED_CEASED"));
    for r in t.rows() {
        if date.is_present(r) != reason.is_present(r) {
            f.flag(T::PlacedAdoption, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn both_or_neither() {
        let t = tables(&[(
            T::PlacedAdoption,
            "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,01/05/2025,RD1\n2,,\n3,01/05/2025,\n4,,RD2\n5,XX,RD1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[2, 3]));
    }
}
