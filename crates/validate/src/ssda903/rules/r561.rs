use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A decision to place for adoption that ceased last year cannot reappear this year
    /// with the same date: a new decision has a new date.
    code: "561",
    message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
    fields: ["DATE_PLACED"],
    tables: [PlacedAdoption, PlacedAdoptionLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let last = cx.t(T::PlacedAdoptionLast);
    let keys = MergeKeys::new(last);
    let placed_last = last.col("DATE_PLACED");
    let (ceased_last, reason_last) = (
        last.col("DATE_PLACED_CEASED"),
        last.col("REASON_PLACED_CEASED"),
    );
    flag_where(cx, f, T::PlacedAdoption, |pa, r| {
        let Some(now) = pa.col("DATE_PLACED").str(r) else {
            return false;
        };
        keys.rows(pa.col("CHILD").str(r)).iter().any(|&l| {
            let l = l as usize;
            placed_last.str(l) == Some(now)
                && (ceased_last.is_present(l) || reason_last.is_present(l))
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_decision_reappears() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n2,01/01/2025\n3,01/01/2025\n4,",
            ),
            (
                T::PlacedAdoptionLast,
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,01/01/2025,,RD1\n\
                 2,01/01/2025,,\n3,02/01/2025,01/03/2025,RD1\n4,,01/03/2025,RD1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0]));
    }
}
