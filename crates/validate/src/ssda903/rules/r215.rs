use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child with care-leaver information (OC3) should not also have the OC2 items for
    /// children looked after for 12 months: flags both the OC3 and the OC2 rows.
        code: "215",
        message: "Child has care leaver information but one or more data items relating to children looked after for 12 months have been completed.",
        fields: ["IN_TOUCH", "ACTIV", "ACCOM", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"],
    tables: [Oc2, Oc3],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

const OC2_ITEMS: &[&str] = &[
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (oc3, oc2) = (cx.t(T::Oc3), cx.t(T::Oc2));
    let child = oc3.col("CHILD");
    let leaver: Vec<&Column> = ["IN_TOUCH", "ACTIV", "ACCOM"]
        .iter()
        .map(|c| oc3.col(c))
        .collect();
    let items: Vec<&Column> = OC2_ITEMS.iter().map(|c| oc2.col(c)).collect();
    for r in oc3.rows() {
        let Some(c) = child.str(r) else { continue };
        if !leaver.iter().any(|col| col.is_present(r)) {
            continue;
        }
        for &o in oc2.rows_of(c) {
            if items.iter().any(|col| col.is_present(o as usize)) {
                f.flag(T::Oc3, r);
                f.flag(T::Oc2, o as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn leaver_with_oc2_items() {
        let t = tables(&[
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,,\n2,,,\n3,,F1,\n4,YES,F1,B"),
            (T::Oc2, "CHILD,CONVICTED,HEALTH_CHECK\n1,0,\n2,1,\n3,,\n4,,1"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Oc2, 0), (T::Oc2, 3), (T::Oc3, 0), (T::Oc3, 3)]
        );
    }
}
