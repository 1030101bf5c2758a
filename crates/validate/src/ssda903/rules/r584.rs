use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A decision that ceased last year should not be reported again: compares this year's
    /// rows with last year's ceased decisions (DATE_PLACED_CEASED or REASON_PLACED_CEASED
    /// given) of the child. As the reference: a blank DATE_PLACED is flagged, and where a
    /// date (compared as text) is not after last year's, the row flagged is the one whose
    /// number is that pair's position in the joined list (a pandas index slip).
    code: "584",
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
    fields: ["DATE_PLACED"],
    tables: [PlacedAdoption, PlacedAdoptionLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (cur, last) = (cx.t(T::PlacedAdoption), cx.t(T::PlacedAdoptionLast));
    let (l_placed, l_ceased, l_reason) = (
        last.col("DATE_PLACED"),
        last.col("DATE_PLACED_CEASED"),
        last.col("REASON_PLACED_CEASED"),
    );
    let last_by = merge_groups(last);
    let placed = cur.col("DATE_PLACED");
    // pandas' inner merge lists the pairs key by key, keys in order of first appearance
    // in this year's table (a missing CHILD being one key); within a key, this year's rows
    // in order, each with last year's matches in order.
    let cur_by = merge_groups(cur);
    let mut groups: Vec<(u32, &str, &[u32])> = cur_by
        .iter()
        .filter_map(|(k, rows)| rows.first().map(|&first| (first, k, rows)))
        .collect();
    groups.sort();
    let mut position = 0usize;
    for (_, key, rows) in groups {
        let matches: Vec<u32> = last_by
            .rows(key)
            .iter()
            .copied()
            .filter(|&l| l_ceased.is_present(l as usize) || l_reason.is_present(l as usize))
            .collect();
        if matches.is_empty() {
            continue;
        }
        for &r in rows {
            let r = r as usize;
            if !placed.is_present(r) {
                f.flag(T::PlacedAdoption, r);
            }
            for &l in &matches {
                if let (Some(c), Some(p)) = (placed.str(r), l_placed.str(l as usize)) {
                    if c <= p && position < cur.len() {
                        f.flag(T::PlacedAdoption, position);
                    }
                }
                position += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_last_year() {
        let t = tables(&[
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,01/01/2024\n2,01/05/2025\n3,\n4,01/01/2024\n5,01/01/2024\n1,01/05/2025",
            ),
            (
                T::PlacedAdoptionLast,
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
                 1,01/01/2024,01/02/2025,\n\
                 2,01/01/2024,,RC1\n\
                 3,01/01/2024,01/02/2025,\n\
                 4,01/01/2024,,\n\
                 5,01/01/2024,01/02/2025,\n\
                 5,02/01/2024,01/02/2025,",
            ),
        ]);
        // joined pairs, child by child: 0 (child 1, equal dates -> row 0), 1 (child 1's
        // second row, later), 2 (child 2, later), 3 (child 3, blank -> row 2 itself), 4 and
        // 5 (child 5, not after -> rows 4 and 5).
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0, 2, 4, 5]));
    }
}
