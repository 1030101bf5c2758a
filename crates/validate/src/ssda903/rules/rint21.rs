use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The sex recorded in UASC must agree with the child's Header record (compared as
    /// text; rows where either is missing are not compared).
    code: "INT21",
    message: "Internal Check: SEX in UASC is different to SEX in Header.",
    fields: ["SEX"],
    tables: [Header, Uasc],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    int_differs_from_header(cx, f, T::Uasc, |t, r| t.col("SEX").str(r));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn sex_must_agree() {
        let t = tables(&[
            (T::Header, "CHILD,SEX\n1,M\n2,F\n3,\n,M"),
            (T::Uasc, "CHILD,SEX\n1,M\n1,F\n2,\n3,M\n4,M\n,F"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[1, 5]));
    }
}
