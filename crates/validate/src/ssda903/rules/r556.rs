use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision to place for adoption must come on or before the freeing order, i.e.
    /// the start of any episode with legal status D1. Withdrawn from 2024-25.
    code: "556",
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
    fields: ["DATE_PLACED", "DECOM"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2023_24,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let pa = cx.t(T::PlacedAdoption);
    let keys = MergeKeys::new(pa);
    let placed = pa.col("DATE_PLACED");
    flag_where(cx, f, T::Episodes, |e, r| {
        let Some(start) = e.col("DECOM").date(r) else {
            return false;
        };
        e.col("LS").str(r) == Some("D1")
            && keys
                .rows(e.col("CHILD").str(r))
                .iter()
                .any(|&p| placed.date(p as usize).is_some_and(|d| d > start))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn decision_after_freeing_order() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,LS\n1,01/02/2023,D1\n1,01/03/2023,D1\n2,01/01/2023,C2\n3,,D1",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,15/02/2023\n2,01/02/2023\n3,01/01/2023",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Episodes, &[0]));
    }
}
