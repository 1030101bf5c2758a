use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A girl (SEX 2, before 2024-25) with MC_DOB given must be recorded as a mother:
        /// flags MOTHER 0 or blank.
        code: "612",
        message: "Date of birth field has been completed but mother field indicates child is not a mother.",
        fields: ["SEX", "MOTHER", "MC_DOB"],
        tables: [Header],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, "2")),
    },
    rule! {
        /// A girl (SEX F from 2024-25) with MC_DOB given must be recorded as a mother:
        /// flags MOTHER 0 or blank.
        code: "612",
        message: "Date of birth field has been completed but mother field indicates child is not a mother.",
        fields: ["SEX", "MOTHER", "MC_DOB"],
        tables: [Header],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, "F")),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, female: &str) {
    let t = cx.t(T::Header);
    let (sex, mother, mc_dob) = (t.col("SEX"), t.col("MOTHER"), t.col("MC_DOB"));
    for r in t.rows() {
        if matches!(mother.str(r), None | Some("0"))
            && sex.str(r) == Some(female)
            && mc_dob.is_present(r)
        {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn child_dob_but_not_mother() {
        let t = tables(&[(
            T::Header,
            "CHILD,SEX,MOTHER,MC_DOB\n1,F,0,01/01/2020\n2,F,,01/01/2020\n3,F,1,01/01/2020\n4,F,0,\n5,2,0,01/01/2020",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0, 1]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Header, &[4]));
    }
}
