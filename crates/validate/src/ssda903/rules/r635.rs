use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// LA_PERM or DATE_PERM given needs PREV_PERM: flags rows where either is present and
    /// PREV_PERM is blank.
    code: "635",
    message: "There are entries for date of order and local authority code where previous permanence option was arranged but previous permanence code is Z1",
    fields: ["LA_PERM", "DATE_PERM", "PREV_PERM"],
    tables: [PrevPerm],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::PrevPerm);
    let (prev, la, date) = (t.col("PREV_PERM"), t.col("LA_PERM"), t.col("DATE_PERM"));
    for r in t.rows() {
        if (la.is_present(r) || date.is_present(r)) && !prev.is_present(r) {
            f.flag(T::PrevPerm, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn details_without_option() {
        let t = tables(&[(
            T::PrevPerm,
            "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n1,,800,\n2,,,01/01/2020\n3,Z1,800,\n4,,,",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::PrevPerm, &[0, 1]));
    }
}
