use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A looked-after girl (SEX 2) with an episode other than respite (V3, V4) needs
        /// the MOTHER field completed.
        code: "393",
        message: "Child is looked after but mother field is not completed.",
        fields: ["MOTHER"],
        tables: [Header, Episodes],
        years: Y2022_23..=Y2023_24,
        check: Check::Custom(|cx, f| check(cx, f, "2")),
    },
    rule! {
        /// From 2024-25 reported sex is coded F for female.
        code: "393",
        message: "Child is looked after but mother field is not completed.",
        fields: ["MOTHER"],
        tables: [Header, Episodes],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(|cx, f| check(cx, f, "F")),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>, female: &str) {
    let eps = cx.t(T::Episodes);
    let ls = eps.col("LS");
    let looked_after = texts_where(eps, "CHILD", |r| !is_in(ls, r, &["V3", "V4"]));
    let t = cx.t(T::Header);
    let (sex, child, mother) = (t.col("SEX"), t.col("CHILD"), t.col("MOTHER"));
    flag_where(cx, f, T::Header, |_, r| {
        sex.str(r) == Some(female)
            && looked_after.contains(child.text(r))
            && !mother.is_present(r)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn mother_needed_for_looked_after_girls() {
        let t = tables(&[
            (T::Header, "CHILD,SEX,MOTHER\n1,F,\n2,F,0\n3,F,\n4,F,\n5,2,\n6,M,"),
            (T::Episodes, "CHILD,LS\n1,C2\n2,C2\n3,V3\n4,V4\n4,\n5,C2\n6,C2"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0, 3]));
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::Header, &[4]));
    }
}
