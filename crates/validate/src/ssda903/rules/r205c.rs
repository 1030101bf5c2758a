use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child not UASC in either year (indicator 0 or missing) has no date UASC ceased in
    /// either year. Flags the UASC row and the child's Header row.
        code: "205C",
        message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
        fields: ["DUC", "UASC"],
    tables: [Uasc, UascLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (u, ul) = (cx.t(T::Uasc), cx.t(T::UascLast));
    let (duc, duc_last) = (u.col("DUC"), ul.col("DUC"));
    let not_uasc = |v: Option<&str>| matches!(v, None | Some("0"));
    uasc_pairs(cx, |p| {
        let has_duc = duc.date(p.uasc_row).is_some()
            || p.last_row.and_then(|l| duc_last.date(l)).is_some();
        if not_uasc(p.flag) && not_uasc(p.flag_last) && has_duc {
            f.flag(T::Uasc, p.uasc_row);
            if let Some(h) = p.header_row {
                f.flag(T::Header, h);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn never_uasc_with_date() {
        let t = tables(&[
            (T::Header, "CHILD,UASC\n1,0\n2,0\n3,1"),
            (T::HeaderLast, "CHILD,UASC\n1,0\n3,0"),
            (
                T::Uasc,
                "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,01/01/2025\n2,M,01/01/2007,\n3,M,01/01/2007,01/01/2025",
            ),
            (T::UascLast, "CHILD,SEX,DOB,DUC\n2,M,01/01/2007,01/01/2024"),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 0), (T::Header, 1), (T::Uasc, 0), (T::Uasc, 1)]
        );
    }
}
