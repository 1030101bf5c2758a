use super::prelude::*;

const CORE: &[&str] = &["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"];
const OTHER: &[&str] = &["CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"];

pub const RULES: &[Rule] = &[rule! {
    /// Once any of the other OC2 items is completed, immunisations, teeth check, health
    /// assessment and substance misuse must all be completed.
    code: "182",
    message: "Data entries on immunisations, teeth checks, health assessments and substance misuse problem identified should be completed or all OC2 fields should be left blank.",
    fields: [
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
        "CONVICTED",
        "HEALTH_CHECK",
        "INTERVENTION_RECEIVED",
        "INTERVENTION_OFFERED",
    ],
    tables: [Oc2],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Oc2);
    for r in t.rows() {
        if !all_present(t, CORE, r) && any_present(t, OTHER, r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn core_items_needed() {
        let t = tables(&[(
            T::Oc2,
            "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,CONVICTED,HEALTH_CHECK\n\
             1,1,1,1,0,0,1\n2,,,,,,\n3,1,,1,0,0,\n4,1,,1,0,,\n5,,,,,,1",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[2, 4]));
    }
}
