use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A DoLO must end after it starts: flags an end on or before the start (both valid).
    code: "702",
    message: "The date that the DoLO ended is before the date that it started.",
    fields: ["DOLO_START", "DOLO_END"],
    tables: [DoLo],
    years: Y2026_27..=Y2026_27,
    check: Check::DateOrder { table: T::DoLo, earlier: "DOLO_START", later: "DOLO_END", equal_ok: false },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ends_before_start() {
        let t = tables(&[(
            T::DoLo,
            "CHILD,DOLO_START,DOLO_END\n1,02/05/2026,01/05/2026\n2,01/05/2026,01/05/2026\n3,01/05/2026,02/05/2026\n4,X,01/01/2020",
        )]);
        assert_eq!(flagged(RULES, Y2026_27, &t), rows(T::DoLo, &[0, 1]));
    }
}
