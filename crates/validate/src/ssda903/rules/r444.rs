use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// A UPN (other than the unknown codes UN1–UN5) may appear on only one Header row;
    /// every row sharing a duplicated UPN is flagged.
    code: "444",
    message: "Duplicate UPN has been reported",
    fields: ["UPN"],
    tables: [Header],
    years: Y2025_26..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let header = cx.t(T::Header);
    let upn = header.col("UPN");
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in header.rows() {
        if let Some(u) = upn.str(r) {
            *counts.entry(u).or_default() += 1;
        }
    }
    flag_where(cx, f, T::Header, |_, r| {
        upn.str(r).is_some_and(|u| {
            !["UN1", "UN2", "UN3", "UN4", "UN5"].contains(&u) && counts.get(u) > Some(&1)
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn duplicate_upns() {
        let t = tables(&[(
            T::Header,
            "CHILD,UPN\n1,A123456789012\n2,A123456789012\n3,UN1\n4,UN1\n5,\n6,\n7,B123456789012",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0, 1]));
    }
}
