use super::prelude::*;

pub const RULES: &[Rule] = &[rule! {
    /// A child UASC this year who was in last year's return was UASC then too. Reads the
    /// Header indicators, or, for a year without a Header, the UASC table; flags the Header
    /// row (or the UASC row when there is no Header).
        code: "205D",
        message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
        fields: ["UASC", "CHILD"],
    tables: [],
        years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let (Some(cur), Some(last)) = (
        uasc_view(cx, T::Header, T::Uasc),
        uasc_view(cx, T::HeaderLast, T::UascLast),
    ) else {
        return;
    };
    let table = if cur.header_rows { T::Header } else { T::Uasc };
    for (child, rows) in cur.table.by_child() {
        let before = last.table.rows_of(child);
        // An inner merge: children not in last year's return pass.
        if !before.iter().any(|&l| last.flag(l as usize) != Some("1")) {
            continue;
        }
        for &r in rows {
            if cur.flag(r as usize) == Some("1") {
                f.flag(table, r as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn uasc_now_not_before() {
        let t = tables(&[
            (T::Header, "CHILD,UASC\n1,1\n2,1\n3,1\n4,0"),
            (T::HeaderLast, "CHILD,UASC\n1,0\n2,1\n4,0"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Header, &[0]));
        let t = tables(&[
            (T::Uasc, "CHILD,SEX,DOB,DUC\n1,M,01/01/2007,"),
            (T::HeaderLast, "CHILD,UASC\n1,0"),
        ]);
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Uasc, &[0]));
    }
}
