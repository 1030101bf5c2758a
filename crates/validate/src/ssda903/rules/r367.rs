use super::prelude::*;
use hashbrown::HashMap;

pub const RULES: &[Rule] = &[rule! {
    /// A child's short-term respite (V3) days within the collection year (episodes clipped
    /// to the year, open ones to its end) may total at most 75.
    code: "367",
    message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
    fields: ["LS", "DECOM", "DEC"],
    tables: [Episodes],
    years: Y2022_23..=Y2026_27,
    check: Check::Custom(check),
}];

fn check(cx: &Ctx, f: &mut Flags<T>) {
    let eps = cx.t(T::Episodes);
    let (child, ls, decom, dec) = (
        eps.col("CHILD"),
        eps.col("LS"),
        eps.col("DECOM"),
        eps.col("DEC"),
    );
    let mut counted: Vec<usize> = Vec::new();
    let mut totals: HashMap<&str, i64> = HashMap::new();
    for r in eps.rows() {
        if ls.str(r) != Some("V3") || !decom.is_present(r) {
            continue;
        }
        let start = decom.date(r).map(|d| d.max(cx.start));
        let end = if dec.is_present(r) {
            dec.date(r).map(|d| d.min(cx.end))
        } else {
            Some(cx.end)
        };
        let (Some(s), Some(e)) = (start, end) else { continue };
        let days = s.days_until(e);
        if days > 0 {
            counted.push(r);
            if let Some(c) = child.str(r) {
                *totals.entry(c).or_default() += days;
            }
        }
    }
    for r in counted {
        if child.str(r).and_then(|c| totals.get(c)).is_some_and(|&t| t > 75) {
            f.flag(T::Episodes, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::testkit::*;

    #[test]
    fn respite_over_75_days_in_year() {
        let t = tables(&[(
            T::Episodes,
            "CHILD,DECOM,DEC,LS\n1,01/05/2025,01/06/2025,V3\n1,01/07/2025,15/08/2025,V3\n1,01/09/2025,01/09/2025,V3\n2,01/01/2025,15/06/2025,V3\n3,01/02/2026,,V3\n3,01/01/2026,01/01/2026,V3",
        )]);
        // 1: 31 + 45 = 76 days (the zero-day episode is not counted); 2: clipped to
        // 1 April, 75 days; 3: open, 58 days.
        assert_eq!(flagged(RULES, Y2025_26, &t), rows(T::Episodes, &[0, 1]));
    }
}
