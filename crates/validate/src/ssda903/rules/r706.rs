use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO open at the end of last year (DOLO_END blank) must be reported again this year
    /// with the same start: flags last year's row when the child has no DoLO this year with
    /// the same DOLO_START text. (The reference reports last year's row number under the
    /// current DoLo table; see docs/validation-differences/h5.md.)
    code: "706",
    message: "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..",
    fields: ["DOLO_START"],
    tables: [DoLo, DoLoLast],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (cur, last) = (cx.t(T::DoLo), cx.t(T::DoLoLast));
    let start = cur.col("DOLO_START");
    let this_year: hashbrown::HashSet<(&str, &str)> = cur
        .rows()
        .map(|r| (merge_key(cur, r), start.text(r)))
        .collect();
    let (l_start, l_end) = (last.col("DOLO_START"), last.col("DOLO_END"));
    for l in last.rows() {
        if !l_end.is_present(l) && !this_year.contains(&(merge_key(last, l), l_start.text(l))) {
            f.flag(T::DoLoLast, l);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_last_year_missing_now() {
        let t = tables(&[
            (T::DoLo, "CHILD,DOLO_START,DOLO_END\n1,01/03/2026,\n2,02/03/2026,"),
            (
                T::DoLoLast,
                "CHILD,DOLO_START,DOLO_END\n1,01/03/2026,\n2,01/03/2026,\n3,01/03/2026,\n4,01/03/2026,05/03/2026",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLoLast, &[1, 2]));
    }
}
