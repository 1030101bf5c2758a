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
    /// A care leaver (with OC3 data) cannot also have adoption data: flags the AD1 rows of
    /// children with both.
    code: "134",
    message: "Data on adoption should not be entered for the OC3 cohort.",
    fields: [
        "IN_TOUCH",
        "ACTIV",
        "ACCOM",
        "DATE_INT",
        "DATE_MATCH",
        "FOSTER_CARE",
        "NB_ADOPTR",
        "SEX_ADOPTR",
        "LS_ADOPTR",
    ],
    tables: [Oc3, Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (oc3, ad1) = (cx.t(T::Oc3), cx.t(T::Ad1));
    // Children with care leaver data; a missing CHILD matches a missing CHILD, as in the
    // validator's merge.
    let oc3_child = oc3.col("CHILD");
    let leavers: hashbrown::HashSet<Option<&str>> = oc3
        .rows()
        .filter(|&r| any_present(oc3, OC3_FIELDS, r))
        .map(|r| oc3_child.str(r))
        .collect();
    let child = ad1.col("CHILD");
    for r in ad1.rows() {
        if any_present(ad1, AD1_FIELDS, r) && leavers.contains(&child.str(r)) {
            f.flag(T::Ad1, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adoption_data_for_care_leavers() {
        let t = tables(&[
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,,,\n3,NO,,"),
            (
                T::Ad1,
                "CHILD,DATE_INT,LS_ADOPTR\n1,01/01/2025,\n2,01/01/2025,\n3,,\n3,,L0\n4,01/01/2025,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[0, 3]));
    }
}
