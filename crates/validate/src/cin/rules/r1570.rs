use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// LAchildID must be at most 20 characters.
    code: "1570",
    kind: Error,
    message: "LA Child ID must not be longer than 20 characters",
    fields: ["LAchildID"],
    years: Y2024_25..=Y2026_27,
    check: |cx, h| flag_where(cx, h, T::ChildIdentifiers, "LAchildID", |c| c.chars().count() > 20),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_long_ids() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID\n12345678901234567890\n123456789012345678901\n",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
    }
}
