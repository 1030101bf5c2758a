use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every child record must have an LAchildID.
    code: "8500",
    kind: Error,
    message: "LA Child ID missing",
    fields: ["LAchildID"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| flag_missing(cx, h, T::ChildIdentifiers, "LAchildID"),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn missing_id() {
        let t = tables(&[(T::ChildIdentifiers, "LAchildID,UPN\nA,1\n,2")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
    }
}
