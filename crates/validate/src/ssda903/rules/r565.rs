use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing-period start date needs the missing/away type: flags rows with MIS_START
    /// present but MISSING blank.
    code: "565",
    message: "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.",
    fields: ["MISSING", "MIS_START"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Missing);
    let (start, kind) = (t.col("MIS_START"), t.col("MISSING"));
    for r in t.rows() {
        if start.is_present(r) && !kind.is_present(r) {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn start_without_type() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MISSING,MIS_START,MIS_END\n1,M,01/05/2025,\n2,,01/05/2025,\n3,,,02/05/2025\n4,,X,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1, 3]));
    }
}
