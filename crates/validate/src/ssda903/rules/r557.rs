use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A child placed for adoption (A3-A6) or under a freeing or placement order (D1,
        /// E1) who left care other than by adoption (REC not E11/E12, not X1) needs the
        /// decision-ceased date and reason; the episode and incomplete records are flagged.
        code: "557",
        message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
        fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
        tables: [Episodes, PlacedAdoption],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(check_to_2024),
    },
    rule! {
        /// As before, without freeing orders (D1), withdrawn from 2024-25.
        code: "557",
        message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
        fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
        tables: [Episodes, PlacedAdoption],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(check_from_2025),
    },
];

fn check_with(cx: &Ctx, f: &mut Flags<T>, orders: &[&str]) {
    let (e, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let keys = MergeKeys::new(pa);
    let (child, place, ls, rec) = (e.col("CHILD"), e.col("PLACE"), e.col("LS"), e.col("REC"));
    let (ceased, reason) = (pa.col("DATE_PLACED_CEASED"), pa.col("REASON_PLACED_CEASED"));
    for r in e.rows() {
        let placed = matches!(place.str(r), Some("A3" | "A4" | "A5" | "A6"))
            || ls.str(r).is_some_and(|l| orders.contains(&l));
        let not_adopted = rec
            .str(r)
            .is_some_and(|c| !matches!(c, "E11" | "E12" | "X1"));
        if !(placed && not_adopted) {
            continue;
        }
        let matched = keys.rows(child.str(r));
        if matched.is_empty() {
            f.flag(T::Episodes, r);
        }
        for &p in matched {
            let p = p as usize;
            if !ceased.is_present(p) || !reason.is_present(p) {
                f.flag(T::Episodes, r);
                f.flag(T::PlacedAdoption, p);
            }
        }
    }
}

fn check_to_2024(cx: &Ctx, f: &mut Flags<T>) {
    check_with(cx, f, &["D1", "E1"]);
}

fn check_from_2025(cx: &Ctx, f: &mut Flags<T>) {
    check_with(cx, f, &["E1"]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn left_care_without_ceased_decision() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,PLACE,LS,REC\n1,A3,C2,E4A\n2,K2,E1,E13\n3,K2,D1,E13\n4,A4,E1,E11\n5,A5,C2,X1\n6,A6,C2,\n7,K2,E1,E3",
            ),
            (
                T::PlacedAdoption,
                "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,01/01/2025,\n1,01/01/2025,RD1\n3,,\n4,,\n5,,\n6,,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0, 1, 2, 6]);
        want.extend(rows(T::PlacedAdoption, &[0, 2]));
        assert_eq!(flagged(RULES, Y2023_24, &t), want);
        let mut want = rows(T::Episodes, &[0, 1, 6]);
        want.extend(rows(T::PlacedAdoption, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
