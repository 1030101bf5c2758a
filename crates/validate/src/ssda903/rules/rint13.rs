use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The date of birth in Missing must agree with the child's Header record; rows where
    /// either date is missing or not a dd/mm/yyyy date are not compared.
    code: "INT13",
    message: "Internal Check: DOB in Missing is different to DOB in Header.",
    fields: ["DOB"],
    tables: [Header, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    int_differs_from_header(cx, f, T::Missing, |t, r| t.col("DOB").date(r));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn dates_of_birth_must_agree() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2010\n2,01/01/2011\n3,\n4,31/02/2011"),
            (T::Missing, "CHILD,DOB,MISSING\n1,1/1/2010,\n1,02/01/2010,\n2,,\n3,01/01/2010,\n4,01/01/2010,\n5,01/01/2010,\n2,2011-01-01,\n2,03/01/2011,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1, 7]));
    }
}
