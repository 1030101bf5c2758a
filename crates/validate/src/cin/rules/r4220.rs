use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Ethnicity must be given and be one of the DfE ethnicity codes.
    code: "4220",
    kind: Error,
    message: "Ethnicity is missing or invalid (see Ethnicity table)",
    fields: ["Ethnicity"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_not_in(cx, h, T::ChildCharacteristics, "Ethnicity", &[
            "ABAN", "AIND", "AOTH", "APKN", "BAFR", "BCRB", "BOTH", "CHNE", "MOTH", "MWAS",
            "MWBA", "MWBC", "NOBT", "OOTH", "REFU", "WBRI", "WIRI", "WIRT", "WOTH", "WROM",
        ])
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn ethnicity_codes() {
        let t = tables(&[(T::ChildCharacteristics, "LAchildID,Ethnicity\nA,WBRI\nB,wbri\nC,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildCharacteristics, &[1, 2]));
    }
}
