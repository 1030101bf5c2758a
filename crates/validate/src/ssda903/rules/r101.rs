use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// SEX must be 1 (male) or 2 (female), the codes before 2024-25.
        code: "101",
        message: "Gender code is not valid.",
        fields: ["SEX"],
        tables: [Header],
        years: Y2022_23..=Y2023_24,
        check: Check::CodeIn { table: T::Header, column: "SEX", codes: &["1", "2"], blank_ok: false },
    },
    rule! {
        /// SEX must be M, F or U: from 2024-25 the return records reported sex, with U
        /// for not known.
        code: "101",
        message: "The child or young person’s reported sex is not valid.",
        fields: ["SEX"],
        tables: [Header],
        years: Y2024_25..=Y2026_27,
        check: Check::CodeIn { table: T::Header, column: "SEX", codes: &["M", "F", "U"], blank_ok: false },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn codes_by_year() {
        let t = tables(&[(T::Header, "CHILD,SEX\n1,M\n2,F\n3,U\n4,1\n5,X\n6,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[3, 4, 5]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Header, &[0, 1, 2, 4, 5]));
    }
}
