use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A child recorded as male (SEX 1, the coding before 2024-25) cannot have a
        /// mother's child date of birth.
        code: "174",
        message: "Mother's child date of birth is recorded but gender shows that the child is a male.",
        fields: ["SEX", "MC_DOB"],
        tables: [Header],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, "1")),
    },
    rule! {
        /// A child whose reported sex is male (M) cannot have a mother's child date of birth.
        code: "174",
        message: "Mother's child date of birth is recorded but sex shows that the child is a male.",
        fields: ["SEX", "MC_DOB"],
        tables: [Header],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, "M")),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, male: &str) {
    let t = cx.t(T::Header);
    let (sex, mc_dob) = (t.col("SEX"), t.col("MC_DOB"));
    for r in t.rows() {
        if sex.str(r) == Some(male) && mc_dob.is_present(r) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn male_codes_by_year() {
        let t = tables(&[(
            T::Header,
            "CHILD,SEX,MC_DOB\n1,M,01/01/2024\n2,1,01/01/2024\n3,F,01/01/2024\n4,M,\n5,1,x",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Header, &[1, 4]));
    }
}
