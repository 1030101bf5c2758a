use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A temporary placement (T0-T4) is not a placement change: neither it nor the
        /// child's episode before it carries a reason for placement change.
        code: "226",
        message: "Reason for placement change is not required.",
        fields: ["REASON_PLACE_CHANGE", "PLACE"],
        tables: [Episodes],
        years: Y2022_23..=Y2024_25,
        check: Check::Custom(check),
    },
    rule! {
        /// Same check; the message names temporary placements from 2025-26.
        code: "226",
        message: "Reason for placement change is not required for temporary placements.",
        fields: ["REASON_PLACE_CHANGE", "PLACE"],
        tables: [Episodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check),
    },
];

const TEMPORARY: &[&str] = &["T0", "T1", "T2", "T3", "T4"];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (reason, place) = (t.col("REASON_PLACE_CHANGE"), t.col("PLACE"));
    for rows in t.by_child().values() {
        let sorted = sorted_by_date(t, rows, "DECOM");
        let mut previous_reason = false;
        for &r in &sorted {
            let r = r as usize;
            if place.str(r).is_some_and(|p| TEMPORARY.contains(&p))
                && (reason.is_present(r) || previous_reason)
            {
                f.flag(T::Episodes, r);
            }
            previous_reason = reason.is_present(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn no_reason_around_temporary_placements() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,REASON_PLACE_CHANGE,PLACE\n1,01/02/2025,,T1\n1,01/01/2025,CARPL,U1\n2,01/01/2025,CARPL,T0\n3,01/01/2025,,U1\n3,01/02/2025,,T2",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::Episodes, &[0, 2]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
