use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period must sit within one of the child's periods of care (episodes joined
    /// where each starts by the previous one's end): flagged when, for every period of care,
    /// it is still open after care ended, open since before care began, or ends outside it.
    code: "577",
    message: "Child ceased to be looked after but there is a missing/away from placement without authorisation period without an end date.",
    fields: ["MIS_END"],
    tables: [Episodes, Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(|cx, f| flag_open_after_care(cx, f, T::Missing, "MIS_START", "MIS_END")),
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn open_after_care_ended() {
        let t = tables(&[
            (
                T::Episodes,
                "CHILD,DECOM,DEC\n1,01/04/2025,01/06/2025\n1,01/06/2025,01/07/2025\n2,01/04/2025,\n3,01/04/2025,01/05/2025\n3,01/08/2025,",
            ),
            (
                T::Missing,
                "CHILD,MIS_START,MIS_END\n1,10/06/2025,\n1,10/06/2025,11/06/2025\n2,10/06/2025,\n3,10/04/2025,\n3,10/08/2025,\n4,10/04/2025,\n1,X,",
            ),
        ]);
        // child 1: open after care ended on 01/07; child 3: open in the first period (which
        // ended) but the second period is still open and started after it -> all out.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0, 3]));
    }
}
