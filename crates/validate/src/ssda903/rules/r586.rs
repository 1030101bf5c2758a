use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A missing period cannot start on or before the child's date of birth (the Missing
    /// table's own DOB).
    code: "586",
    message: "Dates of missing periods are before child’s date of birth.",
    fields: ["MIS_START"],
    tables: [Missing],
    years: Y2022_23..=Y2026_27,
    check: Check::DateOrder { table: T::Missing, earlier: "DOB", later: "MIS_START", equal_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn before_birth() {
        let t = tables(&[(
            T::Missing,
            "CHILD,DOB,MIS_START\n1,01/01/2010,31/12/2009\n2,01/01/2010,01/01/2010\n3,01/01/2010,02/01/2010\n4,X,01/01/2000",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Missing, &[0, 1]));
    }
}
