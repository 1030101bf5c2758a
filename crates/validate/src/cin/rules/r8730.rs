use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// NumberOfPreviousCPP must be given and not negative. A value that is not a whole
    /// number is flagged too; the reference raises on one (and then reports nothing for
    /// the rule).
    code: "8730",
    kind: Error,
    message: "Total Number of previous Child Protection Plans missing",
    fields: ["NumberOfPreviousCPP"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        let col = cx.t(T::ChildProtectionPlans).col("NumberOfPreviousCPP");
        for r in cx.t(T::ChildProtectionPlans).rows() {
            let ok = col.str(r).is_some_and(|v| v.trim().parse::<i64>().is_ok_and(|n| n >= 0));
            if !ok {
                h.flag(T::ChildProtectionPlans, r);
            }
        }
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn missing_or_negative() {
        let t = tables(&[(T::ChildProtectionPlans, "LAchildID,NumberOfPreviousCPP\nA,0\nB,-1\nC,\nD,2\nE,x")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildProtectionPlans, &[1, 2, 4]));
    }
}
