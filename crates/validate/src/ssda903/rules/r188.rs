use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Children under 4 at the end of the year have no SDQ: score and reason must be blank.
    code: "188",
    message: "Child is aged under 4 years at the end of the year, but a Strengths and Difficulties (SDQ) score or a reason for no SDQ score has been completed. ",
    fields: ["SDQ_SCORE", "SDQ_REASON"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let dob = t.col("DOB");
    for r in t.rows() {
        let under_4 = dob
            .date(r)
            .and_then(|d| plus_years(d, 4))
            .is_some_and(|d4| d4 > cx.end);
        if under_4 && any_present(t, &["SDQ_SCORE", "SDQ_REASON"], r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn under_four_at_year_end() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,01/04/2022,5,\n2,31/03/2022,5,\n3,01/04/2022,,\n4,01/04/2022,,SDQ1\n5,,5,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0, 3]));
    }
}
