use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child must not have the same disability code twice: every repeated row is flagged
    /// (rows without a child ID or code are not grouped, as pandas' groupby drops them).
    code: "8794",
    kind: Error,
    message: "Child has two or more disabilities with the same code",
    fields: ["Disability"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Disabilities);
        let mut seen: hashbrown::HashMap<(&str, &str), Vec<usize>> = Default::default();
        for r in t.rows() {
            if let (Some(c), Some(d)) = (t.col("LAchildID").str(r), t.col("Disability").str(r)) {
                seen.entry((c, d)).or_default().push(r);
            }
        }
        for rows in seen.values().filter(|v| v.len() > 1) {
            for &r in rows {
                h.flag(T::Disabilities, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn repeated_code() {
        let t = tables(&[(T::Disabilities, "LAchildID,Disability\nA,MOB\nA,MOB\nA,HAND\nB,MOB\n,MOB\n,MOB")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Disabilities, &[0, 1]));
    }
}
