use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Adopters with legal status L4 (unmarried same-sex couple) must be coded MM or FF.
    code: "518",
    message: "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("LS_ADOPTR").str(r) == Some("L4")
            && !t.col("SEX_ADOPTR").str(r).is_some_and(|s| ["MM", "FF"].contains(&s))
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
            "CHILD,LS_ADOPTR,SEX_ADOPTR\n1,L4,MM\n2,L4,M1\n3,L4,\n4,L99,M1\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2]));
    }
}
