use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode cannot end before it starts.
        code: "356",
        message: "The date the episode ceased is before the date the same episode started.",
        fields: ["DECOM"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::DateOrder { table: T::Episodes, earlier: "DECOM", later: "DEC", equal_ok: true },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn ends_before_start() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC\n1,02/01/2020,01/01/2020\n2,01/01/2020,01/01/2020\n3,01/01/2020,\n4,,01/01/2020",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
