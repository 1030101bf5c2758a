use super::prelude::*;

const FIELDS: &[&str] = &[
    "DATE_INT",
    "DATE_MATCH",
    "FOSTER_CARE",
    "NB_ADOPTR",
    "SEX_ADOPTR",
    "LS_ADOPTR",
];

pub const RULES: &[Rule] = &[rule! {
    /// The adoption items of an AD1 row are all completed or all left blank. (The DfE lists
    /// the number of adopters as NB_ADOPTER; the column read is NB_ADOPTR.)
    code: "151",
    message: "All data items relating to a childs adoption must be coded or left blank.",
    fields: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTER", "SEX_ADOPTR", "LS_ADOPTR"],
    tables: [Ad1],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Ad1);
    for r in t.rows() {
        if any_present(t, FIELDS, r) && !all_present(t, FIELDS, r) {
            f.flag(T::Ad1, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn all_or_none() {
        let t = tables(&[(
            T::Ad1,
            "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
             1,01/01/2025,01/02/2025,0,1,M1,L0\n2,,,,,,\n3,01/01/2025,,,,,\n4,,,,,,L0",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Ad1, &[2, 3]));
    }
}
