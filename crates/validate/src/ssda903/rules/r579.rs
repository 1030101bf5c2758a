use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's placed-for-adoption decisions must not overlap: ordered by DATE_PLACED, a
    /// decision may not follow one without a valid DATE_PLACED_CEASED or start before it ceased.
    code: "579",
    message: "A new decision that the child should be placed for adoption this year cannot start when the previous decision is still open. Decisions to place the child for adoption should also not overlap. The date of any new decision to place the child for adoption must not be before the date placed ceased of previous decisions.",
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    tables: [PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::PlacedAdoption);
    let (placed, ceased) = (t.col("DATE_PLACED"), t.col("DATE_PLACED_CEASED"));
    for rows in t.by_child().values() {
        let mut sorted: Vec<(Option<Date>, u32)> =
            rows.iter().map(|&r| (placed.date(r as usize), r)).collect();
        sorted.sort_by(|a, b| nat_last(&a.0, &b.0).then(a.1.cmp(&b.1)));
        for w in sorted.windows(2) {
            let prev_ceased = ceased.date(w[0].1 as usize);
            let overlap = matches!((w[1].0, prev_ceased), (Some(p), Some(c)) if p < c);
            if prev_ceased.is_none() || overlap {
                f.flag(T::PlacedAdoption, w[1].1 as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn overlapping_decisions() {
        let t = tables(&[(
            T::PlacedAdoption,
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n\
             1,01/06/2025,\n\
             1,01/01/2025,01/07/2025\n\
             2,01/01/2025,01/03/2025\n\
             2,01/03/2025,\n\
             3,01/01/2025,\n\
             3,X,",
        )]);
        // child 1: the June decision starts before the January one ceased; child 3: the
        // invalid date sorts last, after an open decision.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PlacedAdoption, &[0, 5]));
    }
}
