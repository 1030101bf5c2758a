use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// UN4 means "looked after for less than a week at 31 March": no episode of such a child
    /// may start on or after 24 March of the collection-end year.
        code: "210",
        message: "Children looked after for more than a week at 31 March should not have an unknown Unique Pupil Number (UPN) code of UN4.",
        fields: ["UPN", "DECOM"],
    tables: [Header, Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, eps) = (cx.t(T::Header), cx.t(T::Episodes));
    let upn = h.col("UPN");
    let decom = eps.col("DECOM");
    let Some(reference) = Date::from_ymd_opt(cx.end.year(), 3, 24) else {
        return;
    };
    for (c, ep_rows) in eps.by_child() {
        let un4: Vec<u32> = h
            .rows_of(c)
            .iter()
            .copied()
            .filter(|&r| upn.str(r as usize) == Some("UN4"))
            .collect();
        if un4.is_empty() {
            continue;
        }
        for &e in ep_rows {
            if decom.date(e as usize).is_some_and(|d| d >= reference) {
                f.flag(T::Episodes, e as usize);
                f.flag_rows(T::Header, un4.iter().copied());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn un4_and_late_start() {
        let t = tables(&[
            (T::Header, "CHILD,UPN\n1,UN4\n2,UN4\n3,UN1"),
            (
                T::Episodes,
                "CHILD,DECOM\n1,23/03/2026\n1,24/03/2026\n2,01/01/2026\n3,25/03/2026",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 0), (T::Episodes, 1)]
        );
    }
}
