use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every deprivation of liberty order (DoLO) needs a valid dd/mm/yyyy start date.
    code: "700",
    message: "The start date of the DoLO is not a valid date.",
    fields: ["DOLO_START"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::ValidDate { table: T::DoLo, column: "DOLO_START", blank_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn invalid_start() {
        let t = tables(&[(T::DoLo, "CHILD,DOLO_START\n1,01/05/2026\n2,\n3,2026-05-01")]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[1, 2]));
    }
}
