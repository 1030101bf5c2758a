use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The latest decision to place for adoption must come on or before the start of the
    /// child's first adoption placement (A3-A6); both rows are flagged.
    code: "552",
    message: "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.",
    fields: ["DATE_PLACED", "DECOM"],
    tables: [Episodes, PlacedAdoption],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (e, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let place = e.col("PLACE");
    let first = row_by_child_date(e, "DECOM", false, |r| {
        matches!(place.str(r), Some("A3" | "A4" | "A5" | "A6"))
    });
    let (decom, placed) = (e.col("DECOM"), pa.col("DATE_PLACED"));
    for (child, r) in first {
        let Some(p) = child_row_by_date(pa, child, "DATE_PLACED", true) else {
            continue;
        };
        if let (Some(start), Some(decided)) = (decom.date(r), placed.date(p)) {
            if start < decided {
                f.flag(T::Episodes, r);
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
    fn decision_after_first_adoption_placement() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,PLACE\n1,01/03/2025,A3\n1,01/02/2025,A4\n1,01/01/2025,K2\n2,01/01/2025,A3\n3,01/01/2025,A3",
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
}
