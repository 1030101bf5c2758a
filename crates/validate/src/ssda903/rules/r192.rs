use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with a substance misuse problem must have "intervention received" completed.
    code: "192",
    message: "Child has been identified as having a substance misuse problem but the additional item on whether an intervention was received has been left blank.",
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let (misuse, received) = (t.col("SUBSTANCE_MISUSE"), t.col("INTERVENTION_RECEIVED"));
    for r in t.rows() {
        if misuse.str(r) == Some("1") && !received.is_present(r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn received_needed() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED\n1,1,\n2,1,0\n3,0,\n4,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[0]));
    }
}
