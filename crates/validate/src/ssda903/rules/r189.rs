use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Children who turned 17 before the year started have no SDQ: score and reason must
    /// be blank.
    code: "189",
    message: "Child is aged 17 years or over at the beginning of the year, but an Strengths and Difficulties (SDQ) score or a reason for no Strengths and Difficulties (SDQ) score has been completed.",
    fields: ["DOB", "SDQ_SCORE", "SDQ_REASON"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let dob = t.col("DOB");
    for r in t.rows() {
        // The validator compares strictly: a 17th birthday on 1 April does not count.
        let over_17 = dob
            .date(r)
            .and_then(|d| plus_years(d, 17))
            .is_some_and(|d17| d17 < cx.start);
        if over_17 && any_present(t, &["SDQ_SCORE", "SDQ_REASON"], r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn seventeen_before_the_year() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON\n1,31/03/2008,5,\n2,01/04/2008,5,\n3,31/03/2008,,\n4,01/01/2000,,SDQ2",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0, 3]));
    }
}
