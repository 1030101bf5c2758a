use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period still open at the end of last year must reappear this year: the
    /// child's earliest missing period this year (an invalid start counting as 2099) must
    /// start on the same date as each of last year's open periods with a valid start.
    code: "576",
    message: "There is an open missing/away from placement without authorisation period in last year’s return and there is no corresponding period recorded at the start of this year.",
    fields: ["CHILD"],
    tables: [Missing, MissingLast],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (mis, last) = (cx.t(T::Missing), cx.t(T::MissingLast));
    let far = Date::ymd(2099, 1, 1);
    let start = mis.col("MIS_START");
    let (l_start, l_end) = (last.col("MIS_START"), last.col("MIS_END"));
    for (child, rows) in mis.by_child() {
        // idxmin: the first row with the earliest start
        let Some(&first) = rows
            .iter()
            .min_by_key(|&&r| (start.date(r as usize).unwrap_or(far), r))
        else {
            continue;
        };
        let first_start = start.date(first as usize).unwrap_or(far);
        let differs = last.rows_of(child).iter().any(|&l| {
            let l = l as usize;
            !l_end.is_present(l) && l_start.date(l).is_some_and(|d| d != first_start)
        });
        if differs {
            f.flag(T::Missing, first as usize);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_last_year_not_continued() {
        let t = tables(&[
            (
                T::Missing,
                "CHILD,MIS_START,MIS_END\n1,10/04/2025,\n1,01/03/2025,02/04/2025\n2,05/04/2025,\n3,X,\n4,01/03/2025,",
            ),
            (
                T::MissingLast,
                "CHILD,MIS_START,MIS_END\n1,01/03/2025,\n2,01/03/2025,\n3,01/03/2025,\n4,01/03/2025,\n5,01/03/2025,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[2, 3]));
    }
}
