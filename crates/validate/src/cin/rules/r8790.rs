use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child recorded with disability NONE (any case) must have no other disability: the
    /// child's other rows (a blank code included) are flagged.
    code: "8790",
    kind: Error,
    message: "Disability information includes both None and other values",
    fields: ["Disability"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let code = cx.t(T::Disabilities).col("Disability");
        let is_none = |r: u32| code.str(r as usize).is_some_and(|c| c.eq_ignore_ascii_case("NONE"));
        for rows in cx.by_child(T::Disabilities).values() {
            if rows.iter().any(|&r| is_none(r)) {
                h.flag_rows(T::Disabilities, rows.iter().copied().filter(|&r| !is_none(r)));
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn none_with_others() {
        let t = tables(&[(T::Disabilities, "LAchildID,Disability\nA,NONE\nA,MOB\nA,\nB,MOB\nB,HAND\nC,none")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Disabilities, &[1, 2]));
    }
}
