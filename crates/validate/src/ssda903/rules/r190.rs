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
    /// The OC2 12-month items must be blank for a child not looked after continuously for
    /// 12 months at 31 March.
    code: "190",
    message: "Child has not been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been completed.",
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
    tables: [Oc2, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    let t = cx.t(T::Oc2);
    let child = t.col("CHILD");
    for r in t.rows() {
        if !child.str(r).is_some_and(|c| cla.contains(c)) && any_present(t, FIELDS, r) {
            f.flag(T::Oc2, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn items_only_for_cla() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/06/2025,S,C2,,\n\
                 3,01/01/2024,S,V3,,",
            ),
            (
                T::Oc2,
                "CHILD,CONVICTED,INTERVENTION_OFFERED\n1,0,\n2,0,\n2,,\n3,,1\n4,1,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc2, &[1, 3, 4]));
    }
}
