use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Adopters with legal status L11 (married couple of different sexes) must be coded MF.
    code: "520",
    message: "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("LS_ADOPTR").str(r) == Some("L11")
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
            "CHILD,LS_ADOPTR,SEX_ADOPTR\n1,L11,MF\n2,L11,M1\n3,L11,\n4,L99,M1\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2]));
    }
}
