use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Exactly one of PersonBirthDate and ExpectedPersonBirthDate must be given (as dates).
    code: "8525Q",
    kind: Query,
    message: "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    fields: ["PersonBirthDate", "ExpectedPersonBirthDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::ChildIdentifiers);
        let (born, expected) = (t.col("PersonBirthDate"), t.col("ExpectedPersonBirthDate"));
        for r in t.rows() {
            if born.iso_date(r).is_some() == expected.iso_date(r).is_some() {
                h.flag(T::ChildIdentifiers, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn exactly_one_birth_date() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,PersonBirthDate,ExpectedPersonBirthDate\nA,2020-01-01,\nB,,2026-05-01\nC,,\nD,2020-01-01,2026-05-01",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[2, 3]));
    }
}
