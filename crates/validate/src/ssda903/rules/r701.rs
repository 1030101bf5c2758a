use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO end date, when given, must be a valid dd/mm/yyyy date.
    code: "701",
    message: "The end date of the DoLO is not a valid date.",
    fields: ["DOLO_END"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::ValidDate { table: T::DoLo, column: "DOLO_END", blank_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn invalid_end() {
        let t = tables(&[(T::DoLo, "CHILD,DOLO_END\n1,01/05/2026\n2,\n3,2026-05-01")]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[2]));
    }
}
