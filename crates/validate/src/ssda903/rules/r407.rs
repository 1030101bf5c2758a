use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// An episode ending with a special guardianship order (REC E45–E48) must end before
    /// the child turns 18; flags the episode and the child's Header row.
    code: "407",
    message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
    fields: ["DEC", "DOB", "REC"],
    tables: [Episodes, Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, header) = (cx.t(T::Episodes), cx.t(T::Header));
    let (child, rec, dec) = (eps.col("CHILD"), eps.col("REC"), eps.col("DEC"));
    let (hchild, dob) = (header.col("CHILD"), header.col("DOB"));
    // Merged on CHILD (a missing CHILD matching a missing one): an episode is flagged when
    // some merged DOB + 18 < DEC, i.e. the earliest DOB does; a Header row when some merged
    // episode ends after its DOB + 18, i.e. the latest one does.
    let dobs = dob_stats(header);
    let mut latest: HashMap<&str, Date> = HashMap::new();
    for r in eps.rows() {
        if !is_in(rec, r, &["E45", "E46", "E47", "E48"]) {
            continue;
        }
        let Some(end) = dec.date(r) else { continue };
        let key = child.text(r);
        if dobs.get(key).and_then(|s| s.min).is_some_and(|d| plus_years_clamped(d, 18) < end) {
            f.flag(T::Episodes, r);
        }
        let e = latest.entry(key).or_insert(end);
        *e = (*e).max(end);
    }
    for h in header.rows() {
        let (Some(d), Some(&end)) = (dob.date(h), latest.get(hchild.text(h))) else {
            continue;
        };
        if plus_years_clamped(d, 18) < end {
            f.flag(T::Header, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn sgo_after_eighteen() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/06/2007\n2,31/05/2007"),
            (T::Episodes, "CHILD,DEC,REC\n1,01/06/2025,E45\n2,01/06/2025,E48\n2,01/06/2025,E11"),
        ]);
        // Ending on the 18th birthday is allowed.
        let mut want = rows(T::Header, &[1]);
        want.extend(rows(T::Episodes, &[1]));
        assert_eq!(flagged(RULES, Y2025_26, &t), want);
    }
}
