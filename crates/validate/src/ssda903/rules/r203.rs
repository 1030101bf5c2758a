use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's date of birth should agree with last year's return (compared as dates: two
    /// values that are not dates agree).
        code: "203",
        message: "Date of birth disagrees with the date of birth already recorded for this child.",
        fields: ["DOB"],
    tables: [Header, HeaderLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| differs_from_last(cx, f, "DOB", |a, r, b, l| a.date(r) != b.date(l))),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn dob_changed() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2015\n2,02/01/2015\n3,BAD\n4,1/1/2015"),
            (T::HeaderLast, "CHILD,DOB\n1,01/01/2015\n2,01/01/2015\n3,\n4,01/01/2015"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1]));
    }

    #[test]
    fn any_differing_row_of_last_year() {
        // The reference fails when a child has two rows in last year's Header; we flag the
        // child when any of them disagrees.
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2015"),
            (T::HeaderLast, "CHILD,DOB\n1,01/01/2015\n1,02/01/2015"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
