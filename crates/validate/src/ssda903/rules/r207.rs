use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child recorded as a mother (MOTHER 1) last year, and looked after this year, is
    /// still a mother.
        code: "207",
        message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
        fields: ["MOTHER"],
    tables: [Episodes, Header, HeaderLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, last, eps) = (cx.t(T::Header), cx.t(T::HeaderLast), cx.t(T::Episodes));
    let (child, mother) = (h.col("CHILD"), h.col("MOTHER"));
    let mother_last = last.col("MOTHER");
    for r in h.rows() {
        let Some(c) = child.str(r) else { continue };
        if eps.rows_of(c).is_empty() {
            continue;
        }
        let was = last
            .rows_of(c)
            .iter()
            .any(|&l| mother_last.str(l as usize) == Some("1"));
        if was && mother.str(r) != Some("1") {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn mother_status_kept() {
        let t = tables(&[
            (T::Header, "CHILD,MOTHER\n1,0\n2,1\n3,\n4,0\n5,1"),
            (T::HeaderLast, "CHILD,MOTHER\n1,1\n2,1\n3,1\n4,1\n5,0"),
            (T::Episodes, "CHILD\n1\n2\n3\n5"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0, 2]));
    }
}
