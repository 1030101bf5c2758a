use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// For an episode ending in adoption or special guardianship (E1, E11, E12), FOSTER_CARE
    /// 0 (not adopted by the foster carer) conflicts with placements A2, A3, A5, and
    /// FOSTER_CARE 1 with A1, A4, A6. Flags the episode and the AD1 row.
        code: "335",
        message: "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
        fields: ["PLACE", "FOSTER_CARE"],
    tables: [Episodes, Ad1],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let (rec, place) = (eps.col("REC"), eps.col("PLACE"));
    let foster = ad1.col("FOSTER_CARE");
    for (c, rows) in eps.by_child() {
        for &e in rows {
            let e = e as usize;
            if !matches!(rec.str(e), Some("E1" | "E11" | "E12")) {
                continue;
            }
            let conflict = match place.str(e) {
                Some("A2" | "A3" | "A5") => "0",
                Some("A1" | "A4" | "A6") => "1",
                _ => continue,
            };
            for &a in ad1.rows_of(c) {
                if foster.str(a as usize) == Some(conflict) {
                    f.flag(T::Episodes, e);
                    f.flag(T::Ad1, a as usize);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn foster_care_conflicts() {
        let t = tables(&[
            (T::Ad1, "CHILD,FOSTER_CARE\n1,0\n2,1\n3,1\n4,0"),
            (
                T::Episodes,
                "CHILD,REC,PLACE\n1,E11,A3\n2,E12,A4\n3,E11,A3\n4,X1,A3",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Episodes, 0), (T::Episodes, 1), (T::Ad1, 0), (T::Ad1, 1)]
        );
    }
}
