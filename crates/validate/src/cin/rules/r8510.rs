use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An LAchildID may belong to one child record only: all records sharing one are
    /// flagged (records without an ID count as sharing the missing one, as pandas'
    /// `duplicated` treats them).
    code: "8510",
    kind: Error,
    message: "More than one child record with the same LA Child ID",
    fields: ["LAchildID"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        for rows in cx.by_child(T::ChildIdentifiers).values().filter(|v| v.len() > 1) {
            h.flag_rows(T::ChildIdentifiers, rows.iter().copied());
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn repeated_ids() {
        let t = tables(&[(T::ChildIdentifiers, "LAchildID,UPN\nA,1\nB,2\nA,3\n,4\n,5")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[0, 2, 3, 4]));
    }
}
