use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period that starts within an episode that has ended must have an end
    /// date: flags Missing rows with MIS_END blank whose MIS_START lies in [DECOM, DEC] of
    /// one of the child's ended episodes.
    code: "575",
    message: "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
    fields: ["MIS_END"],
    tables: [Episodes, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, mis) = (cx.t(T::Episodes), cx.t(T::Missing));
    let eps_by = merge_groups(eps);
    let (decom, dec) = (eps.col("DECOM"), eps.col("DEC"));
    let (start, end) = (mis.col("MIS_START"), mis.col("MIS_END"));
    for r in mis.rows() {
        let Some(s) = start.date(r) else { continue };
        if end.is_present(r) {
            continue;
        }
        let within = eps_by.get(merge_key(mis, r)).is_some_and(|rows| {
            rows.iter().any(|&e| {
                let e = e as usize;
                matches!((decom.date(e), dec.date(e)), (Some(a), Some(b)) if a <= s && s <= b)
            })
        });
        if within {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_missing_in_ended_episode() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,DEC\n1,01/04/2025,01/06/2025\n2,01/04/2025,\n3,01/04/2025,01/06/2025"),
            (
                T::Missing,
                "CHILD,MIS_START,MIS_END\n1,01/05/2025,\n1,01/05/2025,02/05/2025\n2,01/05/2025,\n3,02/06/2025,\n1,X,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0]));
    }
}
