use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode ending with a move to independent living (REC E5, E6) must end on or after
    /// the child's 14th birthday. As in the reference, an episode whose child has no Header
    /// row or no valid DOB is flagged too (its age cannot be shown to be 14).
    code: "387",
    message: "Reason episode ceased is child moved into independent living arrangement, but the child is aged under 14.",
    fields: ["REC"],
    tables: [Header, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| under_age_at_dec(cx, f, &["E5", "E6"], 14, true)),
}];

/// Episodes ending with one of `codes` whose child is under `years` at DEC, or whose age
/// is unknown: some merged Header row (or none at all) does not show DOB + years <= DEC,
/// i.e. no Header row, an invalid DOB, no valid DEC, or the latest DOB too late. With
/// `dec_required`, episodes without a valid DEC are skipped.
pub(super) fn under_age_at_dec(
    cx: &Ctx,
    f: &mut Flags<T>,
    codes: &[&str],
    years: i32,
    dec_required: bool,
) {
    let dobs = dob_stats(cx.t(T::Header));
    let t = cx.t(T::Episodes);
    let (rec, dec, child) = (t.col("REC"), t.col("DEC"), t.col("CHILD"));
    flag_where(cx, f, T::Episodes, |_, r| {
        if !is_in(rec, r, codes) {
            return false;
        }
        let end = dec.date(r);
        if dec_required && end.is_none() {
            return false;
        }
        match dobs.get(child.text(r)) {
            None => true,
            Some(s) => {
                s.any_invalid
                    || match (end, s.max) {
                        (Some(e), Some(d)) => plus_years_clamped(d, years) > e,
                        _ => true,
                    }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn independent_living_under_fourteen() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2011\n2,02/06/2011\n3,bad"),
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E5\n2,01/06/2025,E6\n3,01/06/2025,E5\n4,01/06/2025,E5\n2,,E5\n2,01/06/2025,E4A",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1, 2, 3]));
    }
}
