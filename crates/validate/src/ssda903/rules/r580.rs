use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child still missing on leaving care at 18 must have REC 'E8': flags episodes ending
    /// on the 18th birthday (Missing DOB) that is also the end of one of the child's missing
    /// periods, with REC other than E8.
    code: "580",
    message: "Child is missing when cease being looked after but reason episode ceased not ‘E8’.",
    fields: ["REC"],
    tables: [Episodes, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, mis) = (cx.t(T::Episodes), cx.t(T::Missing));
    let mis_by = merge_groups(mis);
    let (dob, end) = (mis.col("DOB"), mis.col("MIS_END"));
    let (dec, rec) = (eps.col("DEC"), eps.col("REC"));
    for r in eps.rows() {
        let Some(d) = dec.date(r) else { continue };
        if rec.str(r) == Some("E8") {
            continue;
        }
        let hit = mis_by.get(merge_key(eps, r)).is_some_and(|rows| {
            rows.iter().any(|&m| {
                let m = m as usize;
                end.date(m) == Some(d) && dob.date(m).and_then(|b| plus_years(b, 18)) == Some(d)
            })
        });
        if hit {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn missing_at_18_not_e8() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DEC,REC\n1,01/06/2025,E4A\n2,01/06/2025,E8\n3,01/06/2025,\n4,02/06/2025,E4A\n5,28/02/2026,E4A",
            ),
            (
                T::Missing,
                "CHILD,DOB,MIS_END\n1,01/06/2007,01/06/2025\n2,01/06/2007,01/06/2025\n3,01/06/2007,01/06/2025\n4,01/06/2007,01/06/2025\n5,29/02/2008,28/02/2026",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2, 4]));
    }
}
