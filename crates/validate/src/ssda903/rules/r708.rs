use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO cannot start on or before the child's date of birth (the DoLo table's DOB).
    code: "708",
    message: "Dates of DoLOs are before child’s date of birth.",
    fields: ["DOLO_START"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::DateOrder { table: T::DoLo, earlier: "DOB", later: "DOLO_START", equal_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn before_birth() {
        let t = tables(&[(
            T::DoLo,
            "CHILD,DOB,DOLO_START\n1,01/01/2010,31/12/2009\n2,01/01/2010,01/01/2010\n3,01/01/2010,02/01/2010",
        )]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[0, 1]));
    }
}
