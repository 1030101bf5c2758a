use super::prelude::*;

const FIELDS: &[&str] = &[
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
];

pub const RULES: &[Rule] = &[rule! {
    /// The OC2 yes/no items, when given, must be 0 or 1.
    code: "181",
    message: "Data items relating to children looked after continuously for 12 months should be completed with a 0 or 1.",
    fields: [
        "CONVICTED",
        "HEALTH_CHECK",
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    let cols: Vec<&Column> = FIELDS.iter().map(|c| t.col(c)).collect();
    for r in t.rows() {
        if cols
            .iter()
            .any(|c| c.str(r).is_some_and(|v| v != "0" && v != "1"))
        {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn zero_or_one() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,CONVICTED,HEALTH_CHECK,INTERVENTION_OFFERED\n1,0,1,\n2,,,\n3,2,1,\n4,0,0,Y",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[2, 3]));
    }
}
