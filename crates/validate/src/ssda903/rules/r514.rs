use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A single adopter (legal status L0) must have a single-adopter sex code, M1 or F1.
    code: "514",
    message: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("LS_ADOPTR").str(r) == Some("L0")
            && !t.col("SEX_ADOPTR").str(r).is_some_and(|s| ["M1", "F1"].contains(&s))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn sex_code_must_fit_legal_status() {
        let t = tables(&[(
            T::Ad1,
            "CHILD,LS_ADOPTR,SEX_ADOPTR\n1,L0,M1\n2,L0,MF\n3,L0,\n4,L99,MF\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2]));
    }
}
