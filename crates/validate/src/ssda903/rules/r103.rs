use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Ethnicity must be given and be one of the DfE ethnicity codes (REFU and NOBT included).
    code: "103",
    message: "The ethnicity code is either not valid or has not been entered.",
    fields: ["ETHNIC"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::CodeIn {
        table: T::Header,
        column: "ETHNIC",
        codes: &["WBRI", "WIRI", "WOTH", "WIRT", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"],
        blank_ok: false,
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn flags_unknown_codes() {
        let t = tables(&[(T::Header, "CHILD,ETHNIC\n1,WBRI\n2,XX9\n3,WBRI\n4,\n5,NOBT")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[1, 3]));
    }
}
