use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// A child under legal status J1, J2 or J3 (youth justice) must be over 10 at DECOM;
    /// flags the episode and the child's Header row.
    code: "358",
    message: "Child with this legal status should not be under 10.",
    fields: ["DECOM", "DOB", "LS"],
    tables: [Header, Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, header) = (cx.t(T::Episodes), cx.t(T::Header));
    let (child, ls, decom) = (eps.col("CHILD"), eps.col("LS"), eps.col("DECOM"));
    let (hchild, dob) = (header.col("CHILD"), header.col("DOB"));
    // Merged on CHILD (a missing CHILD matching a missing one): an episode is flagged when
    // some merged DOB + 10 >= DECOM, i.e. the latest DOB does; a Header row when some
    // merged episode starts on or before its DOB + 10, i.e. the earliest one does.
    let dobs = dob_stats(header);
    let mut earliest: HashMap<&str, Date> = HashMap::new();
    for r in eps.rows() {
        if !is_in(ls, r, &["J1", "J2", "J3"]) {
            continue;
        }
        let Some(start) = decom.date(r) else { continue };
        let key = child.text(r);
        if dobs.get(key).and_then(|s| s.max).is_some_and(|d| plus_years_clamped(d, 10) >= start) {
            f.flag(T::Episodes, r);
        }
        let e = earliest.entry(key).or_insert(start);
        *e = (*e).min(start);
    }
    for h in header.rows() {
        let (Some(d), Some(&start)) = (dob.date(h), earliest.get(hchild.text(h))) else {
            continue;
        };
        if plus_years_clamped(d, 10) >= start {
            f.flag(T::Header, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn youth_justice_status_under_ten() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/05/2015\n2,01/05/2010\n3,bad"),
            (
                T::Episodes,
                "CHILD,DECOM,LS\n1,01/05/2025,J1\n2,01/05/2020,J2\n2,02/05/2020,J3\n3,01/05/2025,J1\n1,01/05/2025,C2",
            ),
        ]);
        // Exactly 10 years is still flagged (DOB + 10 >= DECOM).
        let mut want = rows(T::Header, &[0, 1]);
        want.extend(rows(T::Episodes, &[0, 1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
