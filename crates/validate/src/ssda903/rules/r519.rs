use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Adopters with legal status L2 (civil partners) must be coded as a couple: MM, FF or MF.
    code: "519",
    message: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("LS_ADOPTR").str(r) == Some("L2")
            && !t.col("SEX_ADOPTR").str(r).is_some_and(|s| ["MM", "FF", "MF"].contains(&s))
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
            "CHILD,LS_ADOPTR,SEX_ADOPTR\n1,L2,MM\n2,L2,M1\n3,L2,\n4,L99,M1\n5,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[1, 2]));
    }
}
