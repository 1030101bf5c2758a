use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A freeing order (legal status D1, withdrawn from 2024-25) needs a decision to place for adoption
    /// (PlacedAdoption record); while the D1 episode is open that decision cannot have
    /// ceased.
    code: "555",
    message: "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
    fields: ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    order_without_decision(cx, f, "D1");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn freeing_order_needs_decision() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,LS,DEC\n1,D1,\n2,D1,\n3,D1,01/01/2025\n4,C2,\n5,D1,",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n2,,\n3,01/01/2025,RD1\n5,,RD1\n5,,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0]);
        want.extend(rows(T::PlacedAdoption, &[2]));
        assert_eq!(flagged(RULES, Y2023_24, &t), want);
    }
}
