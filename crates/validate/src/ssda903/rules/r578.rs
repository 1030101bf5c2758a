use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period must start within one of the child's periods of care: flagged when,
    /// for every period, MIS_START is before it began or after it ended.
    code: "578",
    message: "The date that the child started to be missing is after the child ceased to be looked after.",
    fields: ["MIS_START"],
    tables: [Episodes, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let pocs = periods_of_care(cx.t(T::Episodes));
    let mis = cx.t(T::Missing);
    let start = mis.col("MIS_START");
    for r in mis.rows() {
        let Some(s) = start.date(r) else { continue };
        let Some(periods) = pocs.get(merge_key(mis, r)) else {
            continue;
        };
        if periods
            .iter()
            .all(|p| s < p.decom || p.dec.is_some_and(|d| s > d))
        {
            f.flag(T::Missing, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_outside_care() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC\n1,01/04/2025,01/06/2025\n1,01/06/2025,01/07/2025\n2,01/05/2025,\n3,01/04/2025,01/05/2025\n3,01/08/2025,",
            ),
            (
                T::Missing,
                "CHILD,MIS_START,MIS_END\n1,02/07/2025,\n1,01/07/2025,\n2,30/04/2025,\n2,30/05/2025,\n3,10/06/2025,\n4,10/04/2025,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0, 2, 4]));
    }
}
