use super::prelude::*;

/// Flags the return when more than 2% of child records are not unborn (no
/// ExpectedPersonBirthDate) and have no recorded sex by `missing`.
fn check(cx: &Ctx, h: &mut Hits, column: &str, missing: fn(Option<&str>) -> bool) {
    let t = cx.t(T::ChildIdentifiers);
    if t.is_empty() {
        return;
    }
    let (sex, expected) = (t.col(column), t.col("ExpectedPersonBirthDate"));
    let n = t
        .rows()
        .filter(|&r| missing(sex.str(r)) && expected.iso_date(r).is_none())
        .count();
    if n as f64 / t.len() as f64 > 0.02 {
        h.flag_return();
    }
}

pub const RULES: &[Rule] = &[
    rule! {
        /// Return level, before 2024-25: meant to count GenderCurrent missing or 0, but the
        /// validator writes `isna() | GenderCurrent == 0`, which Python reads as
        /// `(isna() | GenderCurrent) == 0`: false for every row, so it never raised. Kept
        /// that way, as the DfE tool behaved.
        code: "2886Q",
        kind: Query,
        message: "Please check and either amend or provide a reason: Percentage of children with no gender recorded is more than 2% (excluding unborns)",
        fields: ["ExpectedPersonBirthDate"],
        years: Y2022_23..=Y2023_24,
        check: |cx, h| check(cx, h, "GenderCurrent", |_| false),
    },
    rule! {
        /// Return level: more than 2% of children born (no expected birth date) have Sex
        /// missing or U.
        code: "2886Q",
        kind: Query,
        message: "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)",
        fields: ["ExpectedPersonBirthDate"],
        years: Y2024_25..=Y2026_27,
        check: |cx, h| check(cx, h, "Sex", |s| s.is_none_or(|s| s == "U")),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn share_without_sex() {
        let mut text = String::from("LAchildID,Sex,ExpectedPersonBirthDate\n");
        for i in 0..98 {
            text.push_str(&format!("{i},M,\n"));
        }
        text.push_str("98,U,2026-05-01\n99,,\n");
        let t = tables(&[(T::ChildIdentifiers, &text)]);
        assert_eq!(flagged(RULES, Y2025_26, &t), vec![]);
        let more = text.replace("0,M,\n", "0,U,\n").replace("1,M,\n", "1,,\n");
        let t = tables(&[(T::ChildIdentifiers, &more)]);
        assert_eq!(flagged(RULES, Y2025_26, &t), whole_return());
    }
}
