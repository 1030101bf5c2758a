use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A mother's first child must be born after her: flags a valid MC_DOB that is not after
    /// DOB, and (as the reference) a valid MC_DOB with DOB blank or not a date.
    code: "621",
    message: "Mother’s field has been completed but date of birth shows that the mother is younger than her child.",
    fields: ["DOB", "MC_DOB"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let (dob, mc_dob) = (t.col("DOB"), t.col("MC_DOB"));
    for r in t.rows() {
        let Some(child) = mc_dob.date(r) else { continue };
        if dob.date(r).is_none_or(|d| child <= d) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn child_born_before_mother() {
        let t = tables(&[(
            T::Header,
            "CHILD,DOB,MC_DOB\n1,01/01/2008,01/01/2007\n2,01/01/2008,01/01/2008\n3,01/01/2008,01/01/2025\n4,X,01/01/2025\n5,01/01/2008,X",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0, 1, 3]));
    }
}
