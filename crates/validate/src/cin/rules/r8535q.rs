use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with a date of death must have a date of birth, not after it.
    code: "8535Q",
    kind: Query,
    message: "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth",
    fields: ["PersonDeathDate", "PersonBirthDate"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::ChildIdentifiers);
        let (born, died) = (t.col("PersonBirthDate"), t.col("PersonDeathDate"));
        for r in t.rows() {
            let Some(death) = died.iso_date(r) else { continue };
            if born.iso_date(r).is_none_or(|b| b > death) {
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
    fn death_before_birth() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,PersonBirthDate,PersonDeathDate\nA,2020-01-01,2025-01-01\nB,2025-01-02,2025-01-01\nC,,2025-01-01\nD,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
