use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date UASC status ceased, when given, must be a real dd/mm/yyyy date on or after
    /// the start of the collection year.
    code: "104",
    message: "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.",
    fields: ["DUC"],
    tables: [Uasc],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Uasc);
    let duc = t.col("DUC");
    for r in t.rows() {
        let bad = match duc.date(r) {
            Some(d) => d < cx.start,
            None => duc.is_present(r),
        };
        if bad {
            f.flag(T::Uasc, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn invalid_or_before_the_year() {
        let t = tables(&[(
            T::Uasc,
            "CHILD,DUC\n1,01/04/2025\n2,31/03/2025\n3,\n4,2025-06-01\n5,31/03/2026",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[1, 3]));
    }
}
