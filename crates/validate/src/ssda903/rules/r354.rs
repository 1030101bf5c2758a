use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// An episode cannot start after the collection year ends (the DfE's message says
    /// "ceased", but the check, like the reference, is on DECOM).
        code: "354",
        message: "Date episode ceased must be on or before the end of the current collection year.",
        fields: ["DECOM"],
    tables: [Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let decom = t.col("DECOM");
    for r in t.rows() {
        if decom.date(r).is_some_and(|d| d > cx.end) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_after_year_end() {
        let t = tables(&[(T::Episodes, "CHILD,DECOM\n1,31/03/2026\n2,01/04/2026\n3,")]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[1]));
    }
}
