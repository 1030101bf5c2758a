use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child is matched with adopters before being placed: DATE_MATCH is on or before the
    /// start of each episode ending in adoption (REC E11/E12). Flags both rows.
        code: "331",
        message: "Date of matching child and adopter(s) should be the same as, or prior to, the date of placement of adoption.",
        fields: ["DATE_MATCH", "DECOM", "REC"],
    tables: [Ad1, Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (ad1, eps) = (cx.t(T::Ad1), cx.t(T::Episodes));
    let (rec, decom) = (eps.col("REC"), eps.col("DECOM"));
    let matched = ad1.col("DATE_MATCH");
    for (c, rows) in eps.by_child() {
        for &e in rows {
            let e = e as usize;
            if !matches!(rec.str(e), Some("E11" | "E12")) {
                continue;
            }
            let Some(start) = decom.date(e) else { continue };
            for &a in ad1.rows_of(c) {
                if matched.date(a as usize).is_some_and(|m| m > start) {
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
    fn matched_after_placement() {
        let t = tables(&[
            (T::Ad1, "CHILD,DATE_MATCH\n1,02/01/2025\n2,01/01/2025\n3,02/01/2025"),
            (
                T::Episodes,
                "CHILD,DECOM,REC\n1,01/01/2025,E11\n2,01/01/2025,E12\n3,01/01/2025,X1",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Episodes, 0), (T::Ad1, 0)]
        );
    }
}
