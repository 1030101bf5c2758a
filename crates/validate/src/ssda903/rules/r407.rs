use super::prelude::*;

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
    let by_child = rows_by_text(header, "CHILD");
    let (child, rec, dec) = (eps.col("CHILD"), eps.col("REC"), eps.col("DEC"));
    let dob = header.col("DOB");
    for r in eps.rows() {
        if !is_in(rec, r, &["E45", "E46", "E47", "E48"]) {
            continue;
        }
        let Some(end) = dec.date(r) else { continue };
        for &h in by_child.get(child.text(r)).map_or(&[][..], Vec::as_slice) {
            if dob.date(h as usize).is_some_and(|d| plus_years(d, 18) < end) {
                f.flag(T::Episodes, r);
                f.flag(T::Header, h as usize);
            }
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
