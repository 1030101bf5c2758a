use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Only a child's latest decision to place for adoption may be open: every other row
    /// needs DATE_PLACED_CEASED. "Latest" is as the reference sorts it: DATE_PLACED compared
    /// as text, descending, with numpy's quicksort deciding between equal dates.
    code: "583",
    message: "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::PlacedAdoption);
    let placed = t.col("DATE_PLACED");
    let keys: Vec<Option<&str>> = t.rows().map(|r| placed.str(r)).collect();
    let mut kept = hashbrown::HashSet::new();
    let mut latest = vec![false; t.len()];
    for r in pandas_sort_order(&keys, false) {
        if kept.insert(merge_key(t, r)) {
            latest[r] = true;
        }
    }
    let ceased = t.col("DATE_PLACED_CEASED");
    for r in t.rows() {
        if !latest[r] && !ceased.is_present(r) {
            f.flag(T::PlacedAdoption, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn earlier_decisions_open() {
        let t = tables(&[(
            T::PlacedAdoption,
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n\
             1,01/06/2025,\n\
             1,01/01/2025,\n\
             2,01/06/2025,\n\
             2,01/01/2025,01/02/2025\n\
             3,02/01/2025,\n\
             3,01/06/2025,\n\
             4,,\n\
             4,,",
        )]);
        // child 3: "02/01/2025" sorts after "01/06/2025" as text, so June is the earlier one;
        // child 4: with no dates the first row is kept.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[1, 5, 7]));
    }
}
