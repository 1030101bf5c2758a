use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child who was 4 by 31 August of the year before the collection starts is of school
    /// age and should have a UPN, not the unknown code UN1.
        code: "209",
        message: "Child looked after is of school age and should not have an unknown Unique Pupil Number (UPN) code of UN1.",
        fields: ["UPN", "DOB"],
    tables: [Header],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let (dob, upn) = (t.col("DOB"), t.col("UPN"));
    let Some(reference) = Date::from_ymd_opt(cx.start.year() - 1, 8, 31) else {
        return;
    };
    for r in t.rows() {
        if upn.str(r) == Some("UN1")
            && dob.date(r).and_then(|d| plus_years(d, 4)).is_some_and(|d4| reference >= d4)
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
    fn school_age_un1() {
        // 2025-26: reference date 31/08/2024.
        let t = tables(&[(
            T::Header,
            "CHILD,DOB,UPN\n1,31/08/2020,UN1\n2,01/09/2020,UN1\n3,31/08/2020,UN2\n4,,UN1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
    }
}
