use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child under a DoLO (start and end given) cannot be placed in a secure children's
    /// home (K1), with parents (P1), in a young offender institution (R5) or supported
    /// accommodation (K3): flags the DoLO and each overlapping such episode. The reference
    /// reads a column `PLACEMENT` that Episodes does not have and fails; we read PLACE.
    code: "710",
    message: "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.",
    fields: ["DOLO_START", "PLACEMENT"],
    tables: [DoLo, Episodes],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(|cx, f| {
        flag_dolo_placements(cx, f, |p| matches!(p, Some("K1" | "P1" | "R5" | "K3")))
    }),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn forbidden_placement() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC,PLACE\n1,01/04/2026,01/06/2026,K1\n1,01/06/2026,,U1\n2,01/04/2026,01/05/2026,P1\n3,2026-04-01,,R5",
            ),
            (
                T::DoLo,
                "CHILD,DOLO_START,DOLO_END\n1,01/05/2026,01/07/2026\n2,01/06/2026,01/07/2026\n3,01/05/2026,01/07/2026",
            ),
        ]);
        let mut want = rows(T::Episodes, &[0, 3]);
        want.extend(rows(T::DoLo, &[0, 2]));
        want.sort();
        assert_eq!(flagged(RULES, Y2026_27, &t), want);
    }
}
