use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child cannot start to be looked after (RNE S) on or after their 18th birthday.
        code: "352",
        message: "Child who started to be looked after was aged 18 or over.",
        fields: ["DECOM", "RNE"],
    tables: [Header, Episodes],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (h, eps) = (cx.t(T::Header), cx.t(T::Episodes));
    let (rne, decom) = (eps.col("RNE"), eps.col("DECOM"));
    let dob = h.col("DOB");
    for (c, rows) in eps.by_child() {
        for &e in rows {
            let e = e as usize;
            if rne.str(e) != Some("S") {
                continue;
            }
            let Some(start) = decom.date(e) else { continue };
            let over_18 = h.rows_of(c).iter().any(|&hr| {
                dob.date(hr as usize)
                    .and_then(|d| plus_years(d, 18))
                    .is_some_and(|d18| d18 <= start)
            });
            if over_18 {
                f.flag(T::Episodes, e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn starts_care_at_18() {
        let t = tables(&[
            (T::Header, "CHILD,DOB\n1,01/01/2007\n2,01/01/2007"),
            (
                T::Episodes,
                "CHILD,DECOM,RNE\n1,01/01/2025,S\n1,01/02/2025,P\n2,31/12/2024,S",
            ),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0]));
    }
}
