use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child cannot be born after the collection year ends.
        code: "301",
        message: "Date of birth falls after the year ended.",
        fields: ["DOB"],
    tables: [Header],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let dob = t.col("DOB");
    for r in t.rows() {
        if dob.date(r).is_some_and(|d| d > cx.end) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn born_after_year_end() {
        let t = tables(&[(T::Header, "CHILD,DOB\n1,31/03/2026\n2,01/04/2026\n3,\n4,BAD")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1]));
    }
}
