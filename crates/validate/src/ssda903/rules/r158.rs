use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child who received an intervention for substance misuse has no "intervention
    /// offered" item: it must be blank.
    code: "158",
    message: "If a child has been recorded as receiving an intervention for their substance misuse problem, then the additional item on whether an intervention was offered should be left blank.",
    fields: ["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let (received, offered) = (t.col("INTERVENTION_RECEIVED"), t.col("INTERVENTION_OFFERED"));
    for r in t.rows() {
        if received.str(r) == Some("1") && offered.is_present(r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn offered_blank_when_received() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n1,1,\n2,1,0\n3,0,1\n4,,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1]));
    }
}
