use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision to place for adoption must come on or before the placement order, i.e.
    /// the start of the child's first episode with legal status E1; both rows are flagged.
    code: "554",
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
    fields: ["DATE_PLACED", "DECOM", "LS"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let ls = e.col("LS");
    let first_e1 = row_by_child_date(e, "DECOM", false, |r| ls.str(r) == Some("E1"));
    let (decom, placed) = (e.col("DECOM"), pa.col("DATE_PLACED"));
    for (child, r) in first_e1 {
        let Some(start) = decom.date(r) else { continue };
        for &p in pa.rows_of(child) {
            if placed.date(p as usize).is_some_and(|d| d > start) {
                f.flag(T::Episodes, r);
                f.flag(T::PlacedAdoption, p as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn decision_after_placement_order() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,LS\n1,01/03/2025,E1\n1,01/02/2025,E1\n1,01/01/2025,C2\n2,01/01/2025,E1\n3,01/01/2025,E1",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2025\n1,15/02/2025\n2,01/01/2025\n3,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::PlacedAdoption, &[1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }

    /// The reference fails outright when a child's E1 episodes have no valid DECOM; we
    /// leave that child out and check the others.
    #[test]
    fn child_without_valid_e1_start_is_skipped() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,LS\n1,,E1\n2,01/01/2025,E1"),
            (T::PlacedAdoption, "CHILD,DATE_PLACED\n1,01/02/2025\n2,01/02/2025"),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::PlacedAdoption, &[1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
