use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period cannot end before it started (both valid dates; the same day is
    /// allowed).
    code: "567",
    message: "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
    fields: ["MIS_START", "MIS_END"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::DateOrder { table: T::Missing, earlier: "MIS_START", later: "MIS_END", equal_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn end_before_start() {
        let t = tables(&[(
            T::Missing,
            "CHILD,MIS_START,MIS_END\n1,02/05/2025,01/05/2025\n2,01/05/2025,01/05/2025\n3,02/05/2025,\n4,X,01/01/2020",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0]));
    }
}
