use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child UASC last year but not this year stopped being UASC last year: last year's
    /// date UASC ceased falls in last year's collection period and no date is given this
    /// year. Flags the UASC row and the child's Header row.
        code: "205A",
        message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
        fields: ["CHILD", "UASC"],
    tables: [Uasc, UascLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (u, ul) = (cx.t(T::Uasc), cx.t(T::UascLast));
    let (duc, duc_last) = (u.col("DUC"), ul.col("DUC"));
    let (Some(start_last), Some(end_last)) = (plus_years(cx.start, -1), plus_years(cx.end, -1))
    else {
        return;
    };
    uasc_pairs(cx, |p| {
        let last_year_only = p.flag.unwrap_or("nan") != "1" && p.flag_last == Some("1");
        let ceased_last_year = p
            .last_row
            .and_then(|l| duc_last.date(l))
            .is_some_and(|d| d >= start_last && d <= end_last);
        if last_year_only && (duc.is_present(p.uasc_row) || !ceased_last_year) {
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
    fn no_longer_uasc() {
        let t = tables(&[
            (T::Header, "CHILD,UASC\n1,0\n2,0\n3,0\n4,1"),
            (T::HeaderLast, "CHILD,UASC\n1,1\n2,1\n3,1\n4,1"),
            (
                T::Uasc,
                "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,\n2,M,01/01/2007,\n3,M,01/01/2007,01/01/2025\n4,M,01/01/2007,",
            ),
            (
                T::UascLast,
                "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,01/01/2025\n2,M,01/01/2007,01/01/2024\n3,M,01/01/2007,01/01/2025\n4,M,01/01/2007,",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 1), (T::Header, 2), (T::Uasc, 1), (T::Uasc, 2)]
        );
    }

    #[test]
    fn without_headers_uses_uasc_tables() {
        let t = tables(&[
            (T::Uasc, "CHILD,SEX,DOB,DUC\n1,,,"),
            (T::UascLast, "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,01/01/2024"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[0]));
    }
}
