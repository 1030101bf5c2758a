use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A UPN may belong to one child record only: every record sharing a UPN is flagged.
    code: "1520",
    kind: Error,
    message: "More than one record with the same UPN.",
    fields: ["UPN"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_duplicates(cx, h, T::ChildIdentifiers, "UPN"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_every_record_sharing_a_upn() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,UPN\n1,A1\n2,B2\n3,A1\n4,\n5,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[0, 2]));
    }
}
