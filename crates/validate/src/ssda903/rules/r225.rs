use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// When an episode ends with a placement change (REC X1) and the child's next episode
    /// starts for reason P, B, T or U, neither placement being temporary (T0-T4), the reason
    /// for the placement change must be given.
        code: "225",
        message: "Reason for placement change must be recorded.",
        fields: ["REASON_PLACE_CHANGE"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

const TEMPORARY: &[&str] = &["T0", "T1", "T2", "T3", "T4"];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (rec, reason, place, rne) = (
        t.col("REC"),
        t.col("REASON_PLACE_CHANGE"),
        t.col("PLACE"),
        t.col("RNE"),
    );
    let temporary = |r: usize| place.str(r).is_some_and(|p| TEMPORARY.contains(&p));
    for rows in t.by_child().values() {
        let sorted = sorted_by_date(t, rows, "DECOM");
        for pair in sorted.windows(2) {
            let (r, next) = (pair[0] as usize, pair[1] as usize);
            if rec.str(r) == Some("X1")
                && !reason.is_present(r)
                && !temporary(r)
                && matches!(rne.str(next), Some("P" | "B" | "T" | "U"))
                && !temporary(next)
            {
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn reason_for_change_needed() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,REC,REASON_PLACE_CHANGE,PLACE,RNE\n1,01/02/2025,X1,,U1,P\n1,01/01/2025,X1,,U1,S\n2,01/01/2025,X1,CARPL,U1,S\n2,01/02/2025,X1,,U1,P\n3,01/01/2025,X1,,T1,S\n3,01/02/2025,,,U1,P\n4,01/01/2025,X1,,U1,S\n4,01/02/2025,,,T0,P",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
