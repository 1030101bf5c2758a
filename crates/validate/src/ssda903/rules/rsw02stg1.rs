use super::prelude::*;

pub const RULES: &[Rule] = &[
    rule! {
        /// A social worker ID must begin with SW (or XX for an unknown worker); a missing ID is
        /// flagged too.
        code: "SW02STG1",
        message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
        fields: ["SW_ID"],
        tables: [SwEpisodes],
        years: Y2023_24..=Y2024_25,
        check: Check::Custom(check_2024),
    },
    rule! {
        /// From 2025-26 the ID must also be at least four characters long.
        code: "SW02STG1",
        message: "Social worker ID does not begin with the characters ‘SW’ or ‘XX’.",
        fields: ["SW_ID"],
        tables: [SwEpisodes],
        years: Y2025_26..=Y2026_27,
        check: Check::Custom(check_2026),
    },
];

fn check_2024(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, 0);
}

fn check_2026(cx: &Ctx, f: &mut Flags<T>) {
    check(cx, f, 4);
}

fn check(cx: &Ctx, f: &mut Flags<T>, min_len: usize) {
    let sw = cx.t(T::SwEpisodes);
    for r in sw.rows() {
        let ok = sw.col("SW_ID").str(r).is_some_and(|id| {
            let prefix: String = id.chars().take(2).collect();
            matches!(prefix.as_str(), "SW" | "XX") && id.chars().count() >= min_len
        });
        if !ok {
            f.flag(T::SwEpisodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn prefix_and_length() {
        let t = tables(&[(T::SwEpisodes, "CHILD,SW_ID\n1,SW1234\n2,XX\n3,AB123\n4,\n5,SW1\n6,S")]);
        assert_eq!(flagged(RULES, Y2024_25, &t), rows(T::SwEpisodes, &[2, 3, 5]));
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::SwEpisodes, &[1, 2, 3, 4, 5]));
    }
}
