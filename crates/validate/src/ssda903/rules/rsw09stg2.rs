use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A social worker episode should not end on the day it starts (the two dates are
        /// compared as entered).
        code: "SW09STG2",
        message: "Social worker episode appears to have lasted for less than 24 hours.",
        fields: ["SW_DECOM", "SW_DEC"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2024_25,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2025-26 an episode ending less than three days after it starts (or before it)
        /// is flagged; dates are read as pandas reads them with `dayfirst=True`.
        code: "SW09STG2",
        message: "Social worker episode appears to have lasted for less than 24 hours.",
        fields: ["SW_DECOM", "SW_DEC"],
        tables: [SwEpisodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check_2026),
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        let dec = sw.col("SW_DEC").str(r);
        if dec.is_some() && dec == sw.col("SW_DECOM").str(r) {
            f.flag(T::SwEpisodes, r);
        }
    }
}

fn check_2026(cx: &Ctx, f: &mut Flags<T>) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        let start = sw.col("SW_DECOM").str(r).and_then(parse_dayfirst_stamp);
        let end = sw.col("SW_DEC").str(r).and_then(parse_dayfirst_stamp);
        if let (Some(s), Some(e)) = (start, end) {
            if e - s < 3 * 86_400 {
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
    fn short_episodes() {
        let t = tables(&[(
            T::SwEpisodes,
            "CHILD,SW_DECOM,SW_DEC\n1,01/05/2025,01/05/2025\n2,01/05/2025,03/05/2025\n3,01/05/2025,04/05/2025\n4,01/05/2025,\n5,1/5/2025,01/05/2025\n6,01/05/2025,30/04/2025",
        )]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[0]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[0, 1, 4, 5]));
    }
}
