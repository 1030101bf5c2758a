use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A FormerUPN, when given, must be 13 characters: a letter and 12 digits.
    code: "1560Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: Former UPN wrongly formatted",
    fields: ["FormerUPN"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_where(cx, h, T::ChildIdentifiers, "FormerUPN", |u| {
            u.chars().count() != 13
                || !all_digits(&chars(u, 1, 13))
                || !u.chars().next().is_some_and(char::is_alphabetic)
        })
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_badly_formed_former_upns() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,FormerUPN\n1,A123456789012\n2,1123456789012\n3,A12345678901\n4,\n5,A12345678901X",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2, 4]));
    }
}
