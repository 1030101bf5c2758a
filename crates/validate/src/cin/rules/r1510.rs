use super::prelude::*;

/// The check letter of a UPN: the weighted sum of characters 2-13 (weights 2-13) mod 23,
/// as a letter of A-Z without I, O and S.
fn check_letter(upn: &str) -> char {
    let sum: u32 = upn
        .chars()
        .skip(1)
        .zip(2..)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    b"ABCDEFGHJKLMNPQRTUVWXYZ"[(sum % 23) as usize] as char
}

pub const RULES: &[Rule] = &[rule! {
    /// A 13-character UPN whose last 12 characters are digits must start with its check
    /// letter. Other UPNs (wrong length, letters inside) are left to 1540 and 1550.
    code: "1510",
    kind: Error,
    message: "UPN invalid (wrong check letter at character 1)",
    fields: ["UPN"],
    years: Y2022_23..=Y2026_27,
    check: |cx, h| {
        flag_where(cx, h, T::ChildIdentifiers, "UPN", |u| {
            u.chars().count() == 13
                && all_digits(&chars(u, 1, 13))
                && !u.starts_with(check_letter(u))
        })
    },
}];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::testkit::*;

    #[test]
    fn flags_a_wrong_check_letter() {
        assert_eq!(check_letter("X999359325562"), 'X');
        let t = tables(&[(
            T::ChildIdentifiers,
            "LAchildID,UPN\n1,X999359325562\n2,A999359325562\n3,A99935932556\n4,\n5,A99935932556Z",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::ChildIdentifiers, &[1]));
    }
}
