use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of the decision that a child should no longer be placed for adoption cannot
    /// be before the collection year, nor before the start of the child's earliest episode
    /// other than a V3/V4 short break. Flags that episode and the adoption row.
    code: "118",
    message: "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
    fields: ["DECOM", "DECOM", "LS"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let pa = cx.t(T::PlacedAdoption);
    let (decom, ls) = (eps.col("DECOM"), eps.col("LS"));
    let ceased = pa.col("DATE_PLACED_CEASED");
    for (child, rows) in eps.by_child() {
        // The earliest start (first row of it) among non-short-break episodes. The
        // validator raises when such a child has no valid start; we skip the child.
        let earliest = rows
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| !matches!(ls.str(r), Some("V3" | "V4")))
            .filter_map(|r| decom.date(r).map(|d| (d, r)))
            .min();
        let Some((start, e)) = earliest else { continue };
        for &p in pa.rows_of(child) {
            let p = p as usize;
            if ceased.date(p).is_some_and(|d| d < start || d < cx.start) {
                f.flag(T::Episodes, e);
                f.flag(T::PlacedAdoption, p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_before_care_or_year() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,LS\n1,01/05/2025,V3\n1,01/06/2025,C2\n2,01/01/2025,C2\n3,01/05/2025,C2",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED\n1,20/05/2025\n2,01/03/2025\n3,01/06/2025\n3,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1, 2]);
        want.extend(rows(T::PlacedAdoption, &[0, 1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }

    #[test]
    fn child_without_a_valid_start_is_skipped() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,LS\n1,,C2\n2,01/06/2025,C2"),
            (T::PlacedAdoption, "CHILD,DATE_PLACED_CEASED\n1,01/03/2025\n2,01/03/2025"),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::PlacedAdoption, &[1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
