use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// REC E17 (stayed with current carers at 18 or over, "staying put") needs the child to
    /// be 18 on the date the episode ceased.
    code: "460",
    message: "Reason episode ceased is that child stayed with current carers at age 18 (or above), but child is aged under 18.",
    fields: ["DEC", "REC"],
    tables: [Header, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let h = cx.t(T::Header);
    let dobs = MergeKeys::new(h);
    let dob = h.col("DOB");
    flag_where(cx, f, T::Episodes, |e, r| {
        let Some(dec) = e.col("DEC").date(r) else {
            return false;
        };
        e.col("REC").str(r) == Some("E17")
            && dobs.rows(e.col("CHILD").str(r)).iter().any(|&hr| {
                dob.date(hr as usize)
                    .and_then(|d| plus_years(d, 18))
                    .is_some_and(|d18| d18 > dec)
            })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn staying_put_under_18() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2007\n2,01/06/2007\n3,01/06/2007\n4,"),
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,31/05/2025,E17\n2,01/06/2025,E17\n3,31/05/2025,E11\n4,01/01/2025,E17\n5,01/01/2025,E17\n1,,E17",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }

    /// The reference fails outright when a child with an E17 episode has two Header rows;
    /// we check the episode against each of them.
    #[test]
    fn duplicate_header_rows_still_checked() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2007\n1,01/06/2000\n2,01/06/2000"),
            (T::Episodes, "CHILD,DEC,REC\n1,31/05/2025,E17\n2,31/05/2025,E17"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
