use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A placement order (legal status E1) needs a decision to place for adoption
    /// (PlacedAdoption record); while the E1 episode is open that decision cannot have
    /// ceased.
    code: "553",
    message: "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
    fields: ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    order_without_decision(cx, f, "E1");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn placement_order_needs_decision() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,LS,DEC\n1,E1,\n2,E1,\n3,E1,01/01/2025\n4,C2,\n5,E1,",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n2,,\n3,01/01/2025,RD1\n5,,RD1\n5,,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0]);
        want.extend(rows(T::PlacedAdoption, &[2]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
