use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// The first child's date of birth cannot be after the collection year or after the
    /// DEC of the mother's latest ended episode (greatest valid DEC, first row on a tie):
    /// flags that episode and the Header row.
    code: "625",
    message: "Date of birth of the first child is beyond the end of this reporting year or the date the child ceased to be looked after.",
    fields: ["MC_DOB", "DEC"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, head) = (cx.t(T::Episodes), cx.t(T::Header));
    let dec = eps.col("DEC");
    let mc = head.col("MC_DOB");
    for (child, rows) in eps.by_child() {
        let latest = rows
            .iter()
            .filter_map(|&r| dec.date(r as usize).map(|d| (d, std::cmp::Reverse(r))))
            .max();
        let Some((end, std::cmp::Reverse(e))) = latest else {
            continue;
        };
        for &h in head.rows_of(child) {
            if mc
                .date(h as usize)
                .is_some_and(|m| m > cx.end || m > end)
            {
                f.flag(T::Header, h as usize);
                f.flag(T::Episodes, e as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn child_born_after_care_ended() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC\n1,01/05/2025\n1,01/06/2025\n2,01/06/2025\n3,\n4,01/06/2025",
            ),
            (
                T::Header,
                "CHILD,MC_DOB\n1,02/06/2025\n2,01/06/2025\n3,01/04/2026\n4,01/04/2026",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1, 4]);
        want.extend(rows(T::Header, &[0, 3]));
        want.sort();
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
