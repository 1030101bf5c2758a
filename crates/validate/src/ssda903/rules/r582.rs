use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An adoption (REC E11/E12) should not be dated the same day as the match with
    /// adopters: flags such episodes whose DEC text equals a DATE_MATCH of the child in AD1.
    code: "582",
    message: "Child is showing as ceasing to be looked after due to adoption, but the date of adoption is the same as the date reported for being matched with adopters. In most circumstances we expect the date the child is matched with adopters to be before the date of adoption.",
    fields: ["DEC", "DATE_MATCH"],
    tables: [Episodes, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, ad1) = (cx.t(T::Episodes), cx.t(T::Ad1));
    let ad1_by = merge_groups(ad1);
    let (dec, rec) = (eps.col("DEC"), eps.col("REC"));
    let matched = ad1.col("DATE_MATCH");
    for r in eps.rows() {
        if !matches!(rec.str(r), Some("E11" | "E12")) {
            continue;
        }
        let Some(d) = dec.str(r) else { continue };
        let same = ad1_by
            .get(merge_key(eps, r))
            .is_some_and(|rows| rows.iter().any(|&a| matched.str(a as usize) == Some(d)));
        if same {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adopted_on_match_day() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E11\n2,01/06/2025,E12\n3,01/06/2025,E4A\n4,,E11\n5,1/6/2025,E11",
            ),
            (
                T::Ad1,
                "CHILD,DATE_MATCH\n1,01/06/2025\n2,01/05/2025\n3,01/06/2025\n4,\n5,01/06/2025",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
