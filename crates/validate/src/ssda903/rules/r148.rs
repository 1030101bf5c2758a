use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode's end date and reason ended go together: both or neither.
    code: "148",
    message: "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
    fields: ["DEC", "REC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (dec, rec) = (t.col("DEC"), t.col("REC"));
    for r in t.rows() {
        if dec.is_present(r) != rec.is_present(r) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn both_or_neither() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DEC,REC\n1,01/05/2025,E11\n2,,\n3,01/05/2025,\n4,,X1\n5,bad,E3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2, 3]));
    }
}
