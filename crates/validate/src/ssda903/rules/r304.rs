use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// UASC status ends at 18 at the latest: the date it ceased is on or before the 18th
    /// birthday.
        code: "304",
        message: "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.",
        fields: ["DUC"],
    tables: [Uasc],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Uasc);
    let (dob, duc) = (t.col("DOB"), t.col("DUC"));
    for r in t.rows() {
        let dob18 = dob.date(r).and_then(|d| plus_years(d, 18));
        if let (Some(duc), Some(dob18)) = (duc.date(r), dob18) {
            if duc > dob18 {
                f.flag(T::Uasc, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ceased_after_18() {
        let t = tables(&[(
            T::Uasc,
            "CHILD,SEX,DOB,DUC\n1,M,01/01/2005,02/01/2023\n2,M,01/01/2005,01/01/2023\n3,M,,01/01/2030\n4,M,01/01/2005,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[0]));
    }
}
