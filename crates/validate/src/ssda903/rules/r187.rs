use super::prelude::*;

const AD1_FIELDS: &[&str] = &[
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];
const OC3_FIELDS: &[&str] = &["IN_TOUCH", "ACTIV", "ACCOM"];

pub const RULES: &[Rule] = &[rule! {
    /// A child looked after continuously for 12 months at 31 March is in the OC2 cohort, so
    /// cannot also have adoption (AD1) or care leaver (OC3) data.
    code: "187",
    message: "Child cannot be looked after continuously for 12 months at 31 March (OC2) and have any of adoption or care leavers returns completed.",
    fields: [
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
    ],
    tables: [Oc3, Ad1, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let cla = cla_children(cx);
    for (table, fields) in [(T::Ad1, AD1_FIELDS), (T::Oc3, OC3_FIELDS)] {
        let t = cx.t(table);
        let child = t.col("CHILD");
        for r in t.rows() {
            if child.str(r).is_some_and(|c| cla.contains(c)) && any_present(t, fields, r) {
                f.flag(table, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn no_ad1_or_oc3_for_cla() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,RNE,LS,DEC,REC\n1,01/01/2024,S,C2,,\n2,01/06/2025,S,C2,,",
            ),
            (T::Ad1, "CHILD,DATE_INT,LS_ADOPTR\n1,01/01/2025,\n2,01/01/2025,\n1,,"),
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n2,YES,,\n1,,,0"),
        ]);
        let mut want = rows(T::Oc3, &[1]);
        want.extend(rows(T::Ad1, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
