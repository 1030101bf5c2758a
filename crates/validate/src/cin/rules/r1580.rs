use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// LAchildID must be letters and digits only (a missing ID is 8500's concern).
    code: "1580",
    kind: Error,
    message: "LA Child ID must not contain any non-alphanumeric characters",
    fields: ["LAchildID"],
    years: Y2024_25..=Y2026_27,
    check: |cx, h| {
        flag_where(cx, h, T::ChildIdentifiers, "LAchildID", |c| {
            !c.chars().all(char::is_alphanumeric)
        })
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_punctuation_and_spaces() {
        let t = tables(&[(T::ChildIdentifiers, "LAchildID\nAB12\nAB-12\nA B\n\n")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
