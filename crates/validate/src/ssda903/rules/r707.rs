use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO must sit within one of the child's periods of care (as 577 for missing
    /// periods): flagged when, for every period of care, it is still open after care ended,
    /// open since before care began, or ends outside it.
    code: "707",
    message: "Child ceased to be looked after but there is a DoLO without an end date.",
    fields: ["DOLO_END"],
    tables: [DoLo, Episodes],
    years: Y2026_27..=Y2026_27,
    check: Check::Custom(|cx, f| flag_open_after_care(cx, f, T::DoLo, "DOLO_START", "DOLO_END")),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_after_care_ended() {
        let t = tables(&[
            (T::Episodes, "CHILD,DECOM,DEC\n1,01/04/2026,01/06/2026\n2,01/04/2026,"),
            (
                T::DoLo,
                "CHILD,DOLO_START,DOLO_END\n1,01/05/2026,\n1,01/05/2026,02/05/2026\n2,01/05/2026,\n3,01/05/2026,",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[0]));
    }
}
