use super::prelude::*;

const REASONS: &[&str] = &[
    "MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED",
    "OTHERS",
];

pub const RULES: &[Rule] = &[
    rule! {
        /// The reason for a change of social worker must be one of the DfE codes.
        code: "SW13STG1",
        message: "The reason for social worker change is either not valid or has not been entered.",
        fields: ["SW_REASON"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2023_24,
        check: Check::CodeIn { table: T::SwEpisodes, column: "SW_REASON", codes: REASONS, blank_ok: false },
    },
    rule! {
        /// From 2024-25 a given reason must be a DfE code, and a reason is required only for
        /// episodes starting on or after 1 April 2023 (start dates read as pandas reads them
        /// with `dayfirst=True`). The reference stops with an error when any start date cannot
        /// be read; here such an episode is only checked for an invalid reason.
        code: "SW13STG1",
        message: "The reason for social worker change is not valid.",
        fields: ["SW_REASON"],
        tables: [SwEpisodes],
        years: Y2024_25..=Y2026_27,
        check: Check::Custom(check),
    },
];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    let from = stamp_of(Date::ymd(2023, 4, 1));
    for r in sw.rows() {
        let bad = match sw.col("SW_REASON").str(r) {
            Some(reason) => !REASONS.contains(&reason),
            None => sw
                .col("SW_DECOM")
                .str(r)
                .and_then(parse_dayfirst_stamp)
                .is_some_and(|d| d >= from),
        };
        if bad {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn reasons() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_REASON\n1,01/04/2023,MANAGE\n2,01/04/2023,\n3,31/03/2023,\n4,01/01/2020,XXX\n5,,\n6,NOT A DATE,",
        )]);
        assert_eq!(flagged(RULES, Y2023_24, &t), rows(T::SwEpisodes, &[1, 2, 3, 4, 5]));
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[1, 3]));
    }
}
