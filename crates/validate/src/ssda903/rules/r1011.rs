use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child whose final episode (latest valid DECOM, first row on a tie) ended with REC
    /// E3 (care transferred to another LA) should have no care leaver details: flags the
    /// child's OC3 rows with IN_TOUCH, ACTIV or ACCOM given.
    code: "1011",
    message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    tables: [Episodes, Oc3],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, oc3) = (cx.t(T::Episodes), cx.t(T::Oc3));
    let (decom, rec) = (eps.col("DECOM"), eps.col("REC"));
    let cols = [oc3.col("IN_TOUCH"), oc3.col("ACTIV"), oc3.col("ACCOM")];
    for (child, rows) in eps.by_child() {
        // The reference raises when a child has no valid DECOM; such a child is skipped.
        let last = rows
            .iter()
            .filter_map(|&r| decom.date(r as usize).map(|d| (d, std::cmp::Reverse(r))))
            .max();
        let Some((_, std::cmp::Reverse(e))) = last else {
            continue;
        };
        if rec.str(e as usize) != Some("E3") {
            continue;
        }
        for &o in oc3.rows_of(child) {
            if cols.iter().any(|c| c.is_present(o as usize)) {
                f.flag(T::Oc3, o as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn transferred_out() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,REC\n1,01/04/2025,X1\n1,01/05/2025,E3\n2,01/05/2025,E3\n2,01/06/2025,E4A\n3,01/05/2025,E3",
            ),
            (T::Oc3, "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,,\n2,YES,,\n3,,,"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Oc3, &[0]));
    }
}
