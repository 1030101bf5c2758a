use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child UASC in both years: last year's date UASC ceased is the 18th birthday (from
    /// last year's DOB), and this year's date falls in this year or repeats last year's.
    /// Flags the UASC row and the child's Header row.
        code: "205B",
        message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
        fields: ["DUC", "UASC"],
    tables: [Uasc, UascLast],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (u, ul) = (cx.t(T::Uasc), cx.t(T::UascLast));
    let duc = u.col("DUC");
    let (duc_last, dob_last) = (ul.col("DUC"), ul.col("DOB"));
    uasc_pairs(cx, |p| {
        if !(p.flag == Some("1") && p.flag_last == Some("1")) {
            return;
        }
        let now = duc.date(p.uasc_row);
        let before = p.last_row.and_then(|l| duc_last.date(l));
        let dob18 = p
            .last_row
            .and_then(|l| dob_last.date(l))
            .and_then(|d| plus_years(d, 18));
        let in_year = now.is_some_and(|d| d >= cx.start && d <= cx.end);
        let repeats = now.is_some() && now == before;
        let last_was_18th = before.is_some() && before == dob18;
        if (!in_year && !repeats) || !last_was_18th {
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
    fn uasc_both_years() {
        let t = tables(&[
            (T::Header, "CHILD,UASC\n1,1\n2,1\n3,1\n4,0"),
            (T::HeaderLast, "CHILD,UASC\n1,1\n2,1\n3,1\n4,1"),
            (
                T::Uasc,
                "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,01/01/2025\n2,M,01/01/2007,01/01/2024\n3,M,01/01/2007,01/06/2025\n4,M,01/01/2007,",
            ),
            (
                T::UascLast,
                "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,01/01/2025\n2,M,01/01/2007,01/01/2025\n3,M,01/01/2007,02/01/2025\n4,M,01/01/2007,",
            ),
        ]);
        assert_eq!(
            flagged(RULES, Y2025_26, &t),
            vec![(T::Header, 1), (T::Header, 2), (T::Uasc, 1), (T::Uasc, 2)]
        );
    }
}
