use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every child must have at least one CIN episode (children without an ID match
    /// episodes without one, as the validator's merge does).
    code: "8590",
    kind: Error,
    message: "Child does not have a recorded CIN episode.",
    fields: ["LAchildID"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let ids = cx.t(T::ChildIdentifiers);
        for r in ids.rows() {
            if cx.rows_of(T::CinDetails, ids.col("LAchildID").text(r)).is_empty() {
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
    fn child_without_episode() {
        let t = tables(&[
            (T::ChildIdentifiers, "LAchildID\nA\nB"),
            (T::CinDetails, "LAchildID\nA"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
    }
}
