use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A short-term respite episode (V3) may last at most 17 days (an open one counts to
    /// the end of the year).
    code: "365",
    message: "Any individual short- term respite placement must not exceed 17 days.",
    fields: ["LS", "DECOM", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let t = cx.t(T::Episodes);
    let (decom, dec, ls) = (t.col("DECOM"), t.col("DEC"), t.col("LS"));
    flag_where(cx, f, T::Episodes, |_, r| {
        let (decom, dec) = (decom, dec);
        let end = if dec.is_present(r) {
            dec.date(r)
        } else {
            Some(cx.end)
        };
        ls.str(r) == Some("V3")
            && matches!((decom.date(r), end), (Some(s), Some(e)) if s.days_until(e) > 17)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_over_17_days() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,19/05/2025,V3\n2,01/05/2025,18/05/2025,V3\n3,01/03/2026,,V3\n4,01/05/2025,19/05/2025,V4\n5,01/05/2025,bad,V3",
        )]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 2]));
    }
}
