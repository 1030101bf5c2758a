use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode ending in adoption (REC E11, E12) must end before the child's 18th
    /// birthday (checked when DEC and a Header DOB are valid).
    code: "386",
    message: "Reason episode ceased is adopted but child has reached age 18.",
    fields: ["REC"],
    tables: [Header, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    // Some merged Header DOB + 18 is on or before DEC iff the earliest is.
    let dobs = dob_stats(cx.t(T::Header));
    let t = cx.t(T::Episodes);
    let (rec, dec, child) = (t.col("REC"), t.col("DEC"), t.col("CHILD"));
    flag_where(cx, f, T::Episodes, |_, r| {
        is_in(rec, r, &["E11", "E12"])
            && matches!(
                (dec.date(r), dobs.get(child.text(r)).and_then(|s| s.min)),
                (Some(end), Some(d)) if end >= plus_years_clamped(d, 18)
            )
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn adopted_at_eighteen() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2007\n2,02/06/2007\n3,bad"),
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E11\n2,01/06/2025,E12\n1,01/06/2025,E2\n3,01/06/2025,E11\n4,01/06/2025,E11\n1,,E11",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
