use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Unaccompanied asylum-seeking children are expected to be older: flags a UASC child
    /// (Header UASC 1) born less than 11 years before the collection year ends. The
    /// reference reads a `UASC_STATUS` column that does not exist and fails; we read `UASC`.
        code: "231",
        message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
        fields: ["DOB", "UASC_STATUS"],
    tables: [Header],
        years: Y2024_25..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let (dob, uasc) = (t.col("DOB"), t.col("UASC"));
    let Some(limit) = plus_years(cx.end, -11) else {
        return;
    };
    for r in t.rows() {
        if uasc.str(r) == Some("1") && dob.date(r).is_some_and(|d| d > limit) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn young_uasc() {
        let t = tables(&[(
            T::Header,
            "CHILD,DOB,UASC\n1,01/04/2015,1\n2,31/03/2015,1\n3,01/04/2015,0\n4,,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
