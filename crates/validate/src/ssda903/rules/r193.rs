use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Without a substance misuse problem (SUBSTANCE_MISUSE 0 or blank), the intervention
    /// items must both be blank.
    code: "193",
    message: "Child not identified as having a substance misuse problem but at least one of the two additional items on whether an intervention were offered and received have been completed.",
    fields: ["SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let misuse = t.col("SUBSTANCE_MISUSE");
    for r in t.rows() {
        let no_misuse = matches!(misuse.str(r), None | Some("0"));
        if no_misuse && any_present(t, &["INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"], r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn interventions_blank_without_misuse() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n\
             1,0,,\n2,0,1,\n3,,,0\n4,1,1,\n5,X,1,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1, 2]));
    }
}
