use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision to place for adoption cannot predate the child's first episode with
    /// RNE 'S' (the earliest DECOM, first row on a tie): flags that episode and each of the
    /// child's PlacedAdoption rows dated before it.
    code: "1003",
    message: "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
    fields: ["DATE_PLACED", "DECOM", "RNE"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let (decom, rne) = (eps.col("DECOM"), eps.col("RNE"));
    let placed = pa.col("DATE_PLACED");
    for (child, rows) in eps.by_child() {
        // The reference raises when a child's RNE 'S' episodes all lack a valid DECOM; such
        // a child is skipped here (see docs/validation-differences/h5.md).
        let first = rows
            .iter()
            .filter(|&&r| rne.str(r as usize) == Some("S"))
            .filter_map(|&r| decom.date(r as usize).map(|d| (d, r)))
            .min();
        let Some((start, e)) = first else { continue };
        for &p in pa.rows_of(child) {
            if placed.date(p as usize).is_some_and(|d| d < start) {
                f.flag(T::Episodes, e as usize);
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
    fn placed_before_care() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE\n1,01/05/2025,P\n1,01/04/2025,S\n1,01/03/2025,P\n2,01/04/2025,S\n3,01/04/2025,L",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED\n1,15/03/2025\n1,01/04/2025\n2,01/05/2025\n3,01/01/2025",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::PlacedAdoption, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
