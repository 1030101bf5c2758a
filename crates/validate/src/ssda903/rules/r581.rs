use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period must start within one of the child's episodes (DECOM to DEC, DEC
    /// blank or not a date meaning open): flags Missing rows of children with episodes when
    /// none contains the start (an invalid start is contained by none).
    code: "581",
    message: "Child is missing but has not yet started to be looked after.",
    fields: ["MIS_START"],
    tables: [Episodes, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (eps, mis) = (cx.t(T::Episodes), cx.t(T::Missing));
    let eps_by = merge_groups(eps);
    let (decom, dec) = (eps.col("DECOM"), eps.col("DEC"));
    let start = mis.col("MIS_START");
    for r in mis.rows() {
        let Some(rows) = eps_by.get(merge_key(mis, r)) else {
            continue;
        };
        let s = start.date(r);
        let in_episode = rows.iter().any(|&e| {
            let e = e as usize;
            let (Some(s), Some(a)) = (s, decom.date(e)) else {
                return false;
            };
            s >= a && dec.date(e).is_none_or(|b| s <= b)
        });
        if !in_episode {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn missing_outside_episodes() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC\n1,01/04/2025,01/06/2025\n2,01/05/2025,\n3,01/05/2025,X",
            ),
            (
                T::Missing,
                "CHILD,MIS_START\n1,01/06/2025\n1,02/06/2025\n2,30/04/2025\n2,30/05/2025\n3,30/05/2025\n4,01/01/2020\n1,X",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[1, 2, 6]));
    }
}
