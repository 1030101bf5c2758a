use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// In an XML return the child's UASC indicator must be 0 or 1. CSV returns derive it
    /// from the UASC table, so the rule does not apply to them.
    code: "105",
    message: "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
    fields: ["UASC"],
    tables: [Header],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    if cx.format == crate::ssda903::FileFormat::Csv {
        return;
    }
    let t = cx.t(T::Header);
    let uasc = t.col("UASC");
    for r in t.rows() {
        // `pd.to_numeric(...).isin([0, 1])`: "1.0" counts, blank does not.
        if !matches!(uasc.number(r), Some(n) if n == 0.0 || n == 1.0) {
            f.flag(T::Header, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;
    use crate::ssda903::{run_rule, Ctx, FileFormat};

    #[test]
    fn xml_only() {
        let t = tables(&[(T::Header, "CHILD,UASC\n1,0\n2,1\n3,\n4,2\n5,1.0\n6,Y")]);
        let cx = Ctx::new(&t, Y2025_26, None, FileFormat::Xml);
        assert_eq!(
            run_rule(&RULES[0], &cx),
            crate::engine::Outcome::Flagged(rows(T::Header, &[2, 3, 5]))
        );
        assert_eq!(flagged(RULES, Y2025_26, &t), vec![]);
    }
}
