use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Adopters with legal status L3 (unmarried couple of different sexes) must be coded MF.
    code: "517",
    message: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("LS_ADOPTR").str(r) == Some("L3")
            && !t.col("SEX_ADOPTR").str(r).is_some_and(|s| ["MF"].contains(&s))
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
            "CHILD,LS_ADOPTR,SEX_ADOPTR\n1,L3,MF\n2,L3,M1\n3,L3,\n4,L99,M1\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2]));
    }
}
