use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A mother (MOTHER 1) should be at least 11 at the start of the collection year:
    /// flags DOB + 11 years after 1 April.
    code: "620",
    message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
    fields: ["DOB", "MOTHER"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let (dob, mother) = (t.col("DOB"), t.col("MOTHER"));
    for r in t.rows() {
        if mother.str(r) == Some("1")
            && dob
                .date(r)
                .and_then(|d| plus_years(d, 11))
                .is_some_and(|d| d > cx.start)
        {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn mother_under_11() {
        let t = tables(&[(
            T::Header,
            "CHILD,DOB,MOTHER\n1,02/04/2014,1\n2,01/04/2014,1\n3,02/04/2014,0\n4,X,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
