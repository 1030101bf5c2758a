use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// Every social worker episode needs a valid start date, and one starting before
    /// 1 April 2023 also needs a social worker ID.
    code: "SW01aSTG1",
    message: "For each social worker episode, information should be complete",
    fields: ["SW_DECOM", "SW_ID"],
    tables: [SwEpisodes],
    years: Y2024_25..=Y2024_25,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        let bad = match sw.col("SW_DECOM").date(r) {
            None => true,
            Some(d) => d < Date::ymd(2023, 4, 1) && !sw.col("SW_ID").is_present(r),
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
    fn start_date_and_id() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_ID,SW_DECOM,SW_REASON\n1,SW1,01/01/2023,\n2,,01/01/2023,\n3,,01/04/2023,\n4,SW1,,\n5,SW1,2023-01-01,",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[1, 3, 4]));
    }
}
