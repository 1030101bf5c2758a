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
/// is unknown: any merged Header row (or none) that does not show DOB + years <= DEC.
/// With `dec_required`, episodes without a valid DEC are skipped.
pub(super) fn under_age_at_dec(
    cx: &Ctx,
    f: &mut Flags<T>,
    codes: &[&str],
    years: i32,
    dec_required: bool,
) {
    let (eps, header) = (cx.t(T::Episodes), cx.t(T::Header));
    let by_child = rows_by_text(header, "CHILD");
    let (child, rec, dec) = (eps.col("CHILD"), eps.col("REC"), eps.col("DEC"));
    let dob = header.col("DOB");
    for r in eps.rows() {
        if !is_in(rec, r, codes) {
            continue;
        }
        let end = dec.date(r);
        if dec_required && end.is_none() {
            continue;
        }
        let old_enough =
            |h: u32| matches!((dob.date(h as usize), end), (Some(d), Some(e)) if plus_years(d, years) <= e);
        let bad = match by_child.get(child.text(r)) {
            None => true,
            Some(hs) => hs.iter().any(|&h| !old_enough(h)),
        };
        if bad {
            f.flag(T::Episodes, r);
        }
    }
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
