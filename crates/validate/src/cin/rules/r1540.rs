use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Characters 5-12 of a UPN must be digits; a UPN too short to have them fails too.
    code: "1540",
    kind: Error,
    message: "UPN invalid (characters 5-12 not all numeric)",
    fields: ["UPN"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_where(cx, h, T::ChildIdentifiers, "UPN", |u| !all_digits(&chars(u, 4, 12))),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_letters_in_the_body() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,UPN\n1,A999359325562\n2,A999X2345678A\n3,A99\n4,\n5,A9991234",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
