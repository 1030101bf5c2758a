use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing-period end date needs the missing/away type: flags rows with MIS_END
    /// present but MISSING blank.
    code: "566",
    message: "The date that the child's episode of being missing or away from placement without authorisation ended has been completed but whether the child was missing or away without authorisation has not been completed.",
    fields: ["MISSING", "MIS_END"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Missing);
    let (end, kind) = (t.col("MIS_END"), t.col("MISSING"));
    for r in t.rows() {
        if end.is_present(r) && !kind.is_present(r) {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn end_without_type() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MISSING,MIS_START,MIS_END\n1,M,01/05/2025,02/05/2025\n2,,01/05/2025,\n3,,,02/05/2025\n4,,,X",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[2, 3]));
    }
}
