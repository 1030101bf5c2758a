use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing (M) or away without authorisation (A) record needs a start date.
    code: "564",
    message: "Child was missing or away from placement without authorisation and the date started is blank.",
    fields: ["MISSING", "MIS_START"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Missing, |t, r| {
        matches!(t.col("MISSING").str(r), Some("M" | "A" | "m" | "a"))
            && !t.col("MIS_START").is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn episode_without_start() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MISSING,MIS_START\n1,M,\n2,a,\n3,M,01/01/2020\n4,X,\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0, 1]));
    }
}
