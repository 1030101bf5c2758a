use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's first episode (earliest DECOM) cannot start before the child was born:
    /// flags that episode and the child's Header row.
        code: "302",
        message: "First episode starts before child was born.",
        fields: ["DECOM", "DOB"],
    tables: [Header, Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, eps) = (cx.t(T::Header), cx.t(T::Episodes));
    let (decom, dob) = (eps.col("DECOM"), h.col("DOB"));
    for (c, rows) in eps.by_child() {
        // The first row with the earliest valid start; a child with none is skipped (the
        // reference fails on it).
        let Some((first, start)) = rows
            .iter()
            .filter_map(|&r| decom.date(r as usize).map(|d| (r, d)))
            .min_by_key(|&(_, d)| d)
        else {
            continue;
        };
        for &hr in h.rows_of(c) {
            if dob.date(hr as usize).is_some_and(|b| b > start) {
                f.flag(T::Episodes, first as usize);
                f.flag(T::Header, hr as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn first_episode_before_birth() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2020\n2,01/01/2020\n3,01/01/2020"),
            (
                T::Episodes,
                "CHILD,DECOM\n1,01/06/2020\n1,31/12/2019\n2,01/01/2020\n3,\n3,BAD",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 0), (T::Episodes, 1)]
        );
    }
}
