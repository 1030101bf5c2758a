use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Care leavers with no episodes this year (OC3 details given) should not have MOTHER
    /// completed.
    code: "628",
    message: "Motherhood details are not required for care leavers who have not been looked after during the year.",
    fields: ["MOTHER"],
    tables: [Episodes, Header, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, head, oc3) = (cx.t(T::Episodes), cx.t(T::Header), cx.t(T::Oc3));
    let in_eps = merge_groups(eps);
    let cols = [oc3.col("IN_TOUCH"), oc3.col("ACTIV"), oc3.col("ACCOM")];
    let leavers: hashbrown::HashSet<&str> = oc3
        .rows()
        .filter(|&r| cols.iter().any(|c| c.is_present(r)))
        .map(|r| merge_key(oc3, r))
        .collect();
    let mother = head.col("MOTHER");
    for r in head.rows() {
        let key = merge_key(head, r);
        if mother.is_present(r) && !in_eps.contains(key) && leavers.contains(key) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn care_leaver_with_mother_field() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM\n1,01/04/2025"),
            (T::Header, "CHILD,MOTHER\n1,0\n2,0\n3,0\n4,"),
            (
                T::Oc3,
                "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,T1\n2,YES,,\n3,,,\n4,YES,F1,T1",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1]));
    }
}
