use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with a substance misuse problem who received no intervention must have the
    /// "intervention offered" item completed.
    code: "159",
    message: "If a child has been recorded as not receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be completed as well.",
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let misuse = t.col("SUBSTANCE_MISUSE");
    let (received, offered) = (t.col("INTERVENTION_RECEIVED"), t.col("INTERVENTION_OFFERED"));
    for r in t.rows() {
        if misuse.str(r) == Some("1") && received.str(r) == Some("0") && !offered.is_present(r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn offered_needed_when_not_received() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             1,1,0,\n2,1,0,1\n3,1,1,\n4,0,0,\n5,1,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
