use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Conviction information is only collected for children aged 10 or over at 31 March.
    code: "542",
    message: "A child aged under 10 at 31 March should not have conviction information completed.",
    fields: ["CONVICTED"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let end = cx.end;
    flag_where(cx, f, T::Oc2, |t, r| {
        t.col("CONVICTED").is_present(r)
            && t.col("DOB")
                .date(r)
                .and_then(|d| plus_years(d, 10))
                .is_some_and(|d10| d10 > end)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn under_ten_with_conviction() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,DOB,CONVICTED\n1,01/04/2016,0\n2,31/03/2016,0\n3,01/04/2016,\n4,,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
