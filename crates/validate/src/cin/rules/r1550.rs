use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Character 13 of a 13-character UPN must be a digit or a letter other than I, O, S.
    code: "1550",
    kind: Error,
    message: "UPN invalid (character 13 not a recognised value)",
    fields: ["UPN"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_where(cx, h, T::ChildIdentifiers, "UPN", |u| {
            u.chars().count() == 13
                && !u
                    .chars()
                    .nth(12)
                    .is_some_and(|c| "ABCDEFGHJKLMNPQRTUVWXYZ0123456789".contains(c))
        })
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_a_bad_last_character() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,UPN\n1,A999359325562\n2,A99935932556I\n3,A99935932556a\n4,A9I\n5,A99935932556Z",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
