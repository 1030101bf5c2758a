use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child under a DoLO (start and end given) should be placed in K2, Z12 or Z13: flags
    /// the DoLO and each overlapping episode with another PLACE. The reference reads a column
    /// `PLACEMENT` that Episodes does not have and fails; we read PLACE (see
    /// docs/validation-differences/h5.md).
    code: "709",
    message: "Child with a DoLO is in an unexpected placement type.",
    fields: ["DOLO_START", "PLACEMENT"],
    tables: [DoLo, Episodes],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(|cx, f| {
        flag_dolo_placements(cx, f, |p| !matches!(p, Some("K2" | "Z12" | "Z13")))
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn unexpected_placement() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/04/2026,01/06/2026,K2\n1,01/06/2026,,U1\n2,01/04/2026,01/05/2026,U1\n3,01/04/2026,,U1",
            ),
            (
                T::DoLo,
                "CHILD,DOLO_START,DOLO_END\n1,01/05/2026,01/07/2026\n2,01/06/2026,01/07/2026\n3,01/05/2026,",
            ),
        ]);
        let mut want = rows(T::Episodes, &[1]);
        want.extend(rows(T::DoLo, &[0]));
        want.sort();
        assert_eq!(flagged(RULES, Y2026_27, &t), want);
    }
}
