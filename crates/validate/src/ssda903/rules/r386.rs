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
    let (eps, header) = (cx.t(T::Episodes), cx.t(T::Header));
    let by_child = rows_by_text(header, "CHILD");
    let (child, rec, dec) = (eps.col("CHILD"), eps.col("REC"), eps.col("DEC"));
    let dob = header.col("DOB");
    for r in eps.rows() {
        if !is_in(rec, r, &["E11", "E12"]) {
            continue;
        }
        let Some(end) = dec.date(r) else { continue };
        let adult = by_child.get(child.text(r)).is_some_and(|hs| {
            hs.iter()
                .filter_map(|&h| dob.date(h as usize))
                .any(|d| end >= plus_years(d, 18))
        });
        if adult {
            f.flag(T::Episodes, r);
        }
    }
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
