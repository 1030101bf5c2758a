use super::prelude::*;

/// Unborn children (expected birth date, no birth date) whose `column` is not `want`
/// (missing included).
fn check(cx: &Ctx, h: &mut Hits, column: &str, want: &str) {
    let t = cx.t(T::ChildIdentifiers);
    let (born, expected, sex) = (
        t.col("PersonBirthDate"),
        t.col("ExpectedPersonBirthDate"),
        t.col(column),
    );
    for r in t.rows() {
        if born.iso_date(r).is_none() && expected.iso_date(r).is_some() && sex.str(r) != Some(want) {
            h.flag(T::ChildIdentifiers, r);
        }
    }
}

pub const RULES: &[Rule] = &[
    rule! {
        /// Before 2024-25: an unborn child's GenderCurrent must be 0.
        code: "8750",
        kind: Error,
        message: "Gender must equal 0 for an unborn child",
        fields: ["GenderCurrent", "PersonBirthDate", "ExpectedPersonBirthDate"],
        years: Y2022_23..=Y2023_24,
        check: |cx, h| check(cx, h, "GenderCurrent", "0"),
    },
    rule! {
        /// From 2024-25: an unborn child's Sex must be U.
        code: "8750",
        kind: Error,
        message: "Sex must equal U for an unborn child",
        fields: ["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"],
        years: Y2024_25..=Y2026_27,
        check: |cx, h| check(cx, h, "Sex", "U"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn unborn_sex() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,PersonBirthDate,ExpectedPersonBirthDate,Sex,GenderCurrent\nA,,2026-05-01,U,0\nB,,2026-05-01,M,1\nC,,2026-05-01,,\nD,2020-01-01,,M,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
