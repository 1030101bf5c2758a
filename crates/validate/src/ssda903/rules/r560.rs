use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A decision to place for adoption recorded last year and not ceased is still the same
    /// decision, so this year's DATE_PLACED must repeat it.
    code: "560",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption, PlacedAdoptionLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let last = cx.t(T::PlacedAdoptionLast);
    let keys = MergeKeys::new(last);
    let (placed_last, ceased_last) = (last.col("DATE_PLACED"), last.col("DATE_PLACED_CEASED"));
    flag_where(cx, f, T::PlacedAdoption, |pa, r| {
        let now = pa.col("DATE_PLACED").str(r);
        keys.rows(pa.col("CHILD").str(r)).iter().any(|&l| {
            let l = l as usize;
            let then = placed_last.str(l);
            then.is_some() && !ceased_last.is_present(l) && now != then
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_decision_date_carries_over() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n2,01/01/2025\n3,02/01/2025\n4,\n5,02/01/2025",
            ),
            (
                T::PlacedAdoptionLast,
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n1,01/01/2025,\n2,02/01/2025,\n3,01/01/2025,01/03/2025\n4,01/01/2025,\n5,,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[1, 3]));
    }
}
