use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Nobody is looked after past 25: flags a child whose 25th birthday was before the year
    /// started.
        code: "351",
        message: "Child was over 25 at the start of the current collection year.",
        fields: ["DOB"],
    tables: [Header],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let dob = t.col("DOB");
    for r in t.rows() {
        if dob.date(r).and_then(|d| plus_years(d, 25)).is_some_and(|d25| cx.start > d25) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn over_25() {
        let t = tables(&[(T::Header, "CHILD,DOB\n1,31/03/2000\n2,01/04/2000\n3,\n4,01/01/2010")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
