use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The dates of the decisions that a child should (DATE_PLACED) or should no longer
    /// (DATE_PLACED_CEASED) be placed for adoption cannot be after the collection year, nor
    /// after the end of the child's latest episode not ended X1. Flags that episode and the
    /// adoption row.
    code: "117",
    message: "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
    fields: ["DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let pa = cx.t(T::PlacedAdoption);
    let (decom, dec, rec) = (eps.col("DECOM"), eps.col("DEC"), eps.col("REC"));
    let (placed, ceased) = (pa.col("DATE_PLACED"), pa.col("DATE_PLACED_CEASED"));
    for (child, rows) in eps.by_child() {
        // The latest start (first row of it) among episodes with a start and not ended X1.
        let mut latest: Option<(Date, usize)> = None;
        for &r in rows {
            let r = r as usize;
            if rec.str(r) == Some("X1") {
                continue;
            }
            if let Some(d) = decom.date(r) {
                if latest.is_none_or(|(best, _)| d > best) {
                    latest = Some((d, r));
                }
            }
        }
        let Some((_, e)) = latest else { continue };
        let end_of_care = dec.date(e);
        let late = |d: Option<Date>| {
            d.is_some_and(|d| d > cx.end || end_of_care.is_some_and(|dec| d > dec))
        };
        for &p in pa.rows_of(child) {
            let p = p as usize;
            if late(placed.date(p)) || late(ceased.date(p)) {
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
    fn decisions_after_care_or_year() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC,REC\n1,01/01/2025,01/06/2025,E11\n1,01/07/2025,01/08/2025,X1\n\
                 2,01/01/2025,,\n3,01/01/2025,01/06/2025,E11\n4,,,",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n1,01/07/2025,\n2,01/04/2026,\n\
                 3,01/05/2025,01/06/2025\n2,01/05/2025,\n4,01/04/2026,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0, 2]);
        want.extend(rows(T::PlacedAdoption, &[0, 1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
