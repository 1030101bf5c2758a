use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A social worker episode must end after it starts (an end on the start date is
    /// flagged); dates are read as pandas reads them with `dayfirst=True`.
    code: "SW18STG2",
    message: "The end date of the social worker episode is before the start date",
    fields: ["SW_DEC", "SW_DECOM"],
    tables: [SwEpisodes],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        let start = sw.col("SW_DECOM").str(r).and_then(parse_dayfirst_stamp);
        let end = sw.col("SW_DEC").str(r).and_then(parse_dayfirst_stamp);
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                f.flag(T::SwEpisodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn end_after_start() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2025,02/05/2025\n2,01/05/2025,01/05/2025\n3,01/05/2025,2025-04-30\n4,01/05/2025,\n5,X,01/01/2025",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1, 2]));
    }
}
