use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child's UPN should agree with last year's, except that an unknown UPN (blank or an
    /// UN code) may become known, and blank or UN1 may become UN2-UN5.
        code: "208",
        message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
        fields: ["UPN"],
    tables: [Header, HeaderLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

const UN2_5: &[&str] = &["UN2", "UN3", "UN4", "UN5"];
const UN: &[&str] = &["UN1", "UN2", "UN3", "UN4", "UN5"];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, last) = (cx.t(T::Header), cx.t(T::HeaderLast));
    let (child, upn) = (h.col("CHILD"), h.col("UPN"));
    let upn_last = last.col("UPN");
    for r in h.rows() {
        let Some(c) = child.str(r) else { continue };
        // Values arrive upper-cased; `astype(str).str.upper()` turns a missing UPN into "NAN".
        let now = upn.str(r).unwrap_or("NAN");
        let null_now = !upn.is_present(r);
        let bad = last.rows_of(c).iter().any(|&l| {
            let l = l as usize;
            let before = upn_last.str(l).unwrap_or("NAN");
            let null_before = !upn_last.is_present(l);
            let different = now != before && !(null_now && null_before);
            let valid_unknown_change =
                (before == "UN1" || null_before) && UN2_5.contains(&now);
            let unknown_to_known = (UN.contains(&before) || null_before)
                && !(UN.contains(&now) || null_now);
            different && !valid_unknown_change && !unknown_to_known
        });
        if bad {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn upn_changes() {
        let t = tables(&[
            (
                T::Header,
                "CHILD,UPN\n1,A123\n2,B123\n3,A123\n4,UN2\n5,UN1\n6,\n7,UN1\n8,",
            ),
            (
                T::HeaderLast,
                "CHILD,UPN\n1,A123\n2,A123\n3,UN1\n4,\n5,UN2\n6,A123\n7,\n8,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 4, 5, 6]));
    }
}
