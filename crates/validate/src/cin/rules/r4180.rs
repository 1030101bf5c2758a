use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// Before 2024-25: GenderCurrent must be given and be 0, 1, 2 or 9.
        code: "4180",
        kind: Error,
        message: "Gender is missing",
        fields: ["GenderCurrent"],
        years: Y2022_23..=Y2023_24,
        check: |cx, h| flag_not_in(cx, h, T::ChildIdentifiers, "GenderCurrent", &["1", "2", "0", "9"]),
    },
    rule! {
        /// From 2024-25: Sex must be given and be M, F or U.
        code: "4180",
        kind: Error,
        message: "Sex must be provided and equal M, F, or U",
        fields: ["Sex"],
        years: Y2024_25..=Y2026_27,
        check: |cx, h| flag_not_in(cx, h, T::ChildIdentifiers, "Sex", &["M", "F", "U"]),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn sex_codes() {
        let t = tables(&[(T::ChildIdentifiers, "LAchildID,Sex,GenderCurrent\nA,M,1\nB,X,3\nC,,\nD,U,0")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
