use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// REASON_PLACE_CHANGE, when given, must be one of the DfE's reason codes.
    code: "1009",
    message: "Reason for placement change is not a valid code.",
    fields: ["REASON_PLACE_CHANGE"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Episodes,
        column: "REASON_PLACE_CHANGE",
        codes: &[
            "CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ",
            "PLACE", "CUSTOD", "OTHER",
        ],
        blank_ok: true,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn codes() {
        let t = tables(&[(T::Episodes, "CHILD,REASON_PLACE_CHANGE\n1,CARPL\n2,\n3,XYZ\n4,CUSTOD")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[2]));
    }
}
