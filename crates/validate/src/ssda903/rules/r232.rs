use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A query on every child whose reported sex is U (not known).
        code: "232",
        message: "Sex of the child/young person has been reported as unknown.",
        fields: ["SEX"],
    tables: [Header],
        years: Y2024_25..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let sex = t.col("SEX");
    for r in t.rows() {
        if sex.str(r) == Some("U") {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn unknown_sex() {
        let t = tables(&[(T::Header, "CHILD,SEX\n1,U\n2,M\n3,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
