use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Return level: raised when some child has a disability other than NONE but no child
    /// has more than one (rows without a child ID are not counted).
    code: "2888Q",
    kind: Query,
    message: "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.",
    fields: ["Disability"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let t = cx.t(T::Disabilities);
        let (child, code) = (t.col("LAchildID"), t.col("Disability"));
        let mut per: hashbrown::HashMap<&str, usize> = Default::default();
        for r in t.rows() {
            if let (Some(c), Some(d)) = (child.str(r), code.str(r)) {
                if d != "NONE" {
                    *per.entry(c).or_default() += 1;
                }
            }
        }
        if per.values().max().is_some_and(|&m| m <= 1) {
            h.flag_return();
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn no_child_with_several_disabilities() {
        let one = tables(&[(T::Disabilities, "LAchildID,Disability\nA,MOB\nA,NONE\nB,HAND")]);
        assert_eq!(flagged(RULES, Y2025_26, &one), whole_return());
        let two = tables(&[(T::Disabilities, "LAchildID,Disability\nA,MOB\nA,HAND")]);
        assert_eq!(flagged(RULES, Y2025_26, &two), vec![]);
        let none = tables(&[(T::Disabilities, "LAchildID,Disability\nA,NONE")]);
        assert_eq!(flagged(RULES, Y2025_26, &none), vec![]);
    }
}
