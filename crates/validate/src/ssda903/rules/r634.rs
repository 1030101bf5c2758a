use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Previous-permanence details belong to children who started care in the year: flags a
    /// PrevPerm row with any detail, and all the child's episodes, when the child's latest
    /// valid DECOM is before 1 April.
    code: "634",
    message: "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
    fields: ["LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"],
    tables: [Episodes, PrevPerm],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, pp) = (cx.t(T::Episodes), cx.t(T::PrevPerm));
    let decom = eps.col("DECOM");
    let cols = [pp.col("PREV_PERM"), pp.col("DATE_PERM"), pp.col("LA_PERM")];
    for p in pp.rows() {
        if !cols.iter().any(|c| c.is_present(p)) {
            continue;
        }
        let Some(child) = pp.col("CHILD").str(p) else { continue };
        let rows = eps.rows_of(child);
        let last = rows.iter().filter_map(|&r| decom.date(r as usize)).max();
        if last.is_some_and(|d| d < cx.start) {
            f.flag(T::PrevPerm, p);
            f.flag_rows(T::Episodes, rows.iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn details_for_child_in_care_before_the_year() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM\n1,01/05/2024\n1,X\n2,01/05/2024\n2,01/05/2025\n3,01/05/2024",
            ),
            (T::PrevPerm, "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n1,Z1,,\n2,P1,,\n3,,,\n4,P1,,"),
        ]);
        let mut want = rows(T::Episodes, &[0, 1]);
        want.extend(rows(T::PrevPerm, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
