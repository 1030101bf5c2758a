use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Two adopters cannot carry a single-adopter sex code (M1 or F1).
    code: "511",
    message: "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
    fields: ["NB_ADOPTR", "SEX_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    flag_where(cx, f, T::Ad1, |t, r| {
        t.col("NB_ADOPTR").str(r) == Some("2")
            && matches!(t.col("SEX_ADOPTR").str(r), Some("M1" | "F1"))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn couples_with_single_codes() {
        let t = tables(&[(
            T::Ad1,
            "CHILD,NB_ADOPTR,SEX_ADOPTR\n1,2,M1\n2,2,F1\n3,2,MF\n4,1,M1\n5,2,\n6,,F1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[0, 1]));
    }
}
