use super::prelude::*;

/// LA and pseudo-LA codes valid in characters 2-4 of a UPN, as ranges (inclusive).
const LA_CODES: &[(u16, u16)] = &[
    (1, 5), (201, 213), (301, 320), (330, 336), (340, 344), (350, 359), (370, 373),
    (380, 384), (390, 394), (420, 420), (660, 681), (701, 708), (800, 803), (805, 808),
    (810, 813), (815, 816), (820, 823), (825, 826), (830, 831), (835, 839), (840, 841),
    (845, 846), (850, 852), (855, 857), (860, 861), (865, 896), (908, 909), (916, 916),
    (919, 919), (921, 921), (925, 926), (928, 929), (931, 931), (933, 933), (935, 938),
    (940, 941),
];

/// Whether characters 2-4 are a code in the list: written as the validator's strings, so
/// `001`-`005` keep their zeros and every other code has none (`099` is not 99).
fn is_la(code: &str, extra: &[u16]) -> bool {
    let Ok(n) = code.parse::<u16>() else { return false };
    let canonical = if n <= 5 { format!("{n:03}") } else { n.to_string() };
    all_digits(code)
        && canonical == code
        && (LA_CODES.iter().any(|&(a, b)| (a..=b).contains(&n)) || extra.contains(&n))
}

fn check(cx: &Ctx, h: &mut Hits, extra: &[u16]) {
    flag_where(cx, h, T::ChildIdentifiers, "UPN", |u| {
        u.chars().count() == 13 && !is_la(&chars(u, 1, 4), extra)
    })
}

pub const RULES: &[Rule] = &[
    rule! {
        /// Characters 2-4 of a 13-character UPN must be an LA code (post-April 1998) or a
        /// recognised pseudo-LA code.
        code: "1530",
        kind: Error,
        message: "UPN invalid (characters 2-4 not a recognised LA code)",
        fields: ["UPN"],
        years: Y2022_23..=Y2022_23,
        check: |cx, h| check(cx, h, &[]),
    },
    rule! {
        /// As before, with 942 and 943 added from 2023-24.
        code: "1530",
        kind: Error,
        message: "UPN invalid (characters 2-4 not a recognised LA code)",
        fields: ["UPN"],
        years: Y2023_24..=Y2026_27,
        check: |cx, h| check(cx, h, &[942, 943]),
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_unknown_la_codes() {
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,UPN\n1,A001234567890\n2,A000234567890\n3,A942234567890\n4,A999\n5,A2011234567890\n6,A201234567890",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
        assert_eq!(flagged(RULES, Y2022_23, &t), rows(T::ChildIdentifiers, &[1, 2]));
    }
}
