use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An adopted child (REC E11/E12) whose every PlacedAdoption record says the decision
    /// ceased, with more than one such pairing of adopted episode and record, is flagged:
    /// the latest decision to place should not have ceased.
    code: "558",
    message: "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
    fields: ["DATE_PLACED_CEASED", "REC"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let (rec, ceased) = (e.col("REC"), pa.col("DATE_PLACED_CEASED"));
    for (child, rows) in e.by_child() {
        let adopted: Vec<usize> = rows
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| matches!(rec.str(r), Some("E11" | "E12")))
            .collect();
        let records = pa.rows_of(child);
        let all_ceased = records.iter().all(|&p| ceased.is_present(p as usize));
        // Each adopted episode pairs with each record; more than one pairing is flagged.
        if !records.is_empty() && all_ceased && adopted.len() * records.len() > 1 {
            for r in adopted {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adopted_with_ceased_decisions() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,REC\n1,E11\n2,E12\n3,E11\n3,E12\n4,E11\n5,E11\n5,X1",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED\n1,01/01/2025\n1,01/02/2025\n2,01/01/2025\n3,01/01/2025\n\
                 4,01/01/2025\n4,\n5,01/01/2025\n5,01/01/2025",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 3, 5]));
    }
}
