use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A UPN, when given, is a letter other than I, O or S followed by 12 digits, or by 11
    /// digits and a letter; or one of the "unknown" codes UN1-UN5.
    code: "168",
    message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
    fields: ["UPN"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

/// The validator's `^((?![IOS])[A-Z])(\d{12}|\d{11}[A-Z])$|^(UN[1-5])$` (Python `re`:
/// `$` also matches before a final newline; `\d` is any Unicode decimal digit).
fn valid_upn(s: &str) -> bool {
    let s = s.strip_suffix('\n').unwrap_or(s);
    if matches!(s, "UN1" | "UN2" | "UN3" | "UN4" | "UN5") {
        return true;
    }
    let chars: Vec<char> = s.chars().collect();
    let upper = |c: char| c.is_ascii_uppercase();
    let digit = |c: char| c.is_ascii_digit() || is_unicode_digit(c);
    match chars.as_slice() {
        [first, rest @ ..] if rest.len() == 12 && upper(*first) && !"IOS".contains(*first) => {
            let (body, last) = rest.split_at(11);
            body.iter().all(|&c| digit(c)) && (digit(last[0]) || upper(last[0]))
        }
        _ => false,
    }
}

/// Decimal digits outside ASCII (Unicode category Nd), which Python's `\d` accepts.
fn is_unicode_digit(c: char) -> bool {
    // Every Nd block is a run of ten consecutive code points starting at a zero; the common
    // ones are enough here (UPNs are ASCII in practice).
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10,
    ];
    let c = c as u32;
    ZEROS.iter().any(|&z| (z..z + 10).contains(&c))
}

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Header);
    let upn = t.col("UPN");
    for r in t.rows() {
        if upn.str(r).is_some_and(|u| !valid_upn(u)) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn upn_shapes() {
        let t = tables(&[(
            T::Header,
            "CHILD,UPN\n1,A123456789012\n2,A12345678901B\n3,UN5\n4,\n5,I123456789012\n\
             6,A1234567890\n7,UN6\n8,A1234567890123\n9,123456789012A",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[4, 5, 6, 7, 8]));
        assert!(valid_upn("A123456789012\n"));
        assert!(!valid_upn("S123456789012"));
    }
}
