use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The decision that a child should be placed for adoption (DATE_INT) comes no earlier
    /// than the start of the child's latest period of care (the latest episode with RNE S).
    /// Flags that episode and the AD1 row.
        code: "334",
        message: "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption. ",
        fields: ["DATE_INT", "DECOM", "RNE"],
    tables: [Episodes, Ad1],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let (rne, decom) = (eps.col("RNE"), eps.col("DECOM"));
    let int = ad1.col("DATE_INT");
    for (c, rows) in eps.by_child() {
        // The first row with the latest valid start among RNE S episodes; a child whose S
        // episodes have no valid start is skipped (the reference fails on it).
        let mut latest: Option<(u32, Date)> = None;
        for &r in rows {
            if rne.str(r as usize) != Some("S") {
                continue;
            }
            if let Some(d) = decom.date(r as usize) {
                if latest.is_none_or(|(_, l)| d > l) {
                    latest = Some((r, d));
                }
            }
        }
        let Some((e, start)) = latest else { continue };
        for &a in ad1.rows_of(c) {
            if int.date(a as usize).is_some_and(|i| i < start) {
                f.flag(T::Episodes, e as usize);
                f.flag(T::Ad1, a as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn decision_before_care() {
        let t = tables(&[
            (T::Ad1, "CHILD,DATE_INT\n1,01/01/2024\n2,01/01/2024\n3,01/01/2000"),
            (
                T::Episodes,
                "CHILD,DECOM,RNE\n1,01/01/2020,S\n1,01/06/2024,P\n1,01/02/2024,S\n2,01/01/2024,S\n3,BAD,S\n3,01/01/2020,P",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Episodes, 2), (T::Ad1, 0)]
        );
    }
}
