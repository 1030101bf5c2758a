use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An SDQ score, when given, must be a whole number from 0 to 40.
    code: "180",
    message: "Data entry for the strengths and difficulties questionnaire (SDQ) score is invalid.",
    fields: ["SDQ_SCORE"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let score = t.col("SDQ_SCORE");
    for r in t.rows() {
        // `pd.to_numeric(errors="coerce").isin(range(41))`: "7.0" is 7.
        let ok = score
            .number(r)
            .is_some_and(|n| n.fract() == 0.0 && (0.0..=40.0).contains(&n));
        if score.is_present(r) && !ok {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn whole_number_to_forty() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,SDQ_SCORE\n1,0\n2,40\n3,41\n4,-1\n5,7.5\n6,\n7,X\n8,7.0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[2, 3, 4, 6]));
    }
}
