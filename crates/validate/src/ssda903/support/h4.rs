//! Helpers written with the rules of group 4; move any that another group also needs
//! into `mod.rs`.

#[allow(unused_imports)]
use super::*;
use crate::engine::Flags;

/// Any of the OC2 health fields that must accompany conviction or health promotion
/// information (immunisations, teeth check, health assessment, substance misuse) is blank.
pub fn oc2_health_incomplete(t: &Table, r: usize) -> bool {
    [
        "IMMUNISATIONS",
        "TEETH_CHECK",
        "HEALTH_ASSESSMENT",
        "SUBSTANCE_MISUSE",
    ]
    .iter()
    .any(|c| !t.col(c).is_present(r))
}

/// A table's rows keyed by CHILD the way a pandas `merge(on="CHILD")` matches them: rows
/// with a missing CHILD match each other (NaN keys join in a merge, unlike in a groupby).
pub struct MergeKeys<'a> {
    by_child: &'a crate::table::ChildIndex,
}

impl<'a> MergeKeys<'a> {
    pub fn new(t: &'a Table) -> Self {
        MergeKeys {
            by_child: t.by_child(),
        }
    }

    /// The rows a row with this CHILD (`None` = missing) joins with.
    pub fn rows(&self, child: Option<&str>) -> &[u32] {
        match child {
            Some(c) => self.by_child.get(c).unwrap_or(&[]),
            None => self.by_child.without_child(),
        }
    }
}

/// For each child, the row with the earliest (`latest = false`) or latest valid date in
/// `col` among `keep` rows; ties go to the first row in input order, as pandas
/// `groupby("CHILD")[col].idxmin()` / `idxmax()`. Children without a valid date have no
/// entry (where pandas raises on such a group, so the whole rule fails).
pub fn row_by_child_date<'a>(
    t: &'a Table,
    col: &str,
    latest: bool,
    keep: impl Fn(usize) -> bool,
) -> Vec<(&'a str, usize)> {
    let dates = t.col(col);
    t.by_child()
        .iter()
        .filter_map(|(c, rows)| {
            let mut best: Option<(Date, usize)> = None;
            for &r in rows {
                let r = r as usize;
                let Some(d) = dates.date(r) else { continue };
                let better = match best {
                    None => true,
                    Some((b, _)) => (latest && d > b) || (!latest && d < b),
                };
                if better && keep(r) {
                    best = Some((d, r));
                }
            }
            best.map(|(_, r)| (c, r))
        })
        .collect()
}

/// The row `row_by_child_date` picks for one child.
pub fn child_row_by_date(t: &Table, child: &str, col: &str, latest: bool) -> Option<usize> {
    let dates = t.col(col);
    let mut best: Option<(Date, usize)> = None;
    for &r in t.rows_of(child) {
        let r = r as usize;
        let Some(d) = dates.date(r) else { continue };
        if best.is_none_or(|(b, _)| (latest && d > b) || (!latest && d < b)) {
            best = Some((d, r));
        }
    }
    best.map(|(_, r)| r)
}

/// Each child's rows ordered as `sort_values(["CHILD", col])` leaves them: by the date in
/// `col` (missing or invalid last), ties in input order (the multi-key sort is stable).
pub fn child_rows_by_date(t: &Table, col: &str) -> Vec<Vec<u32>> {
    let dates = t.col(col);
    t.by_child()
        .values()
        .map(|rows| {
            let mut rows = rows.to_vec();
            rows.sort_by_key(|&r| {
                let d = dates.date(r as usize);
                (d.is_none(), d, r)
            });
            rows
        })
        .collect()
}

/// Pairs each child's first episode this year (earliest DECOM) with their last episode of
/// last year's return (latest DECOM), for children in both; `(row, row_last)`.
pub fn first_with_last_year(cx: &Ctx) -> Vec<(usize, usize)> {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    let mut pairs: Vec<(usize, usize)> = row_by_child_date(e, "DECOM", false, |_| true)
        .into_iter()
        .filter_map(|(c, r)| child_row_by_date(el, c, "DECOM", true).map(|rl| (r, rl)))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The 503 family (`rule_utils.field_different_from_previous`): when last year's final
/// episode was still open (no valid DEC), this year's first episode must carry the same
/// `field` (two blanks agree). For PLACE, the code changes of 2023-24/2024-25 (H5 to K3)
/// and 2025-26 (Z1 to Z11-Z14) are allowed in those years.
pub fn differs_from_last_year(cx: &Ctx, f: &mut Flags<T>, field: &str) {
    let (e, el) = (cx.t(T::Episodes), cx.t(T::EpisodesLast));
    let (now, then) = (e.col(field), el.col(field));
    let dec_last = el.col("DEC");
    for (r, rl) in first_with_last_year(cx) {
        let (a, b) = (now.str(r), then.str(rl));
        if a == b || dec_last.date(rl).is_some() {
            continue;
        }
        let allowed = field == "PLACE"
            && match cx.year {
                2024 | 2025 => a == Some("K3") && b == Some("H5"),
                2026 => matches!(a, Some("Z11" | "Z12" | "Z13" | "Z14")) && b == Some("Z1"),
                _ => false,
            };
        if !allowed {
            f.flag(T::Episodes, r);
        }
    }
}

/// The placement distance changed between last year's final episode (`rl`) and this year's
/// first (`r`): by 0.2 miles or more, or from blank to a distance (rules 453, 503G).
pub fn distance_changed(cx: &Ctx, r: usize, rl: usize) -> bool {
    let now = cx.t(T::Episodes).col("PL_DISTANCE").number(r);
    let then = cx.t(T::EpisodesLast).col("PL_DISTANCE").number(rl);
    match (now, then) {
        (Some(a), Some(b)) => (a - b).abs() >= 0.2,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Rules 553 (placement order, E1) and 555 (freeing order, D1): every episode with legal
/// status `ls` needs a PlacedAdoption record for the child; and while such an episode is
/// open (no DEC), the child's PlacedAdoption records must not say the decision ceased.
pub fn order_without_decision(cx: &Ctx, f: &mut Flags<T>, ls: &str) {
    let (e, pa) = (cx.t(T::Episodes), cx.t(T::PlacedAdoption));
    let keys = MergeKeys::new(pa);
    let (child, legal, dec) = (e.col("CHILD"), e.col("LS"), e.col("DEC"));
    let (ceased, reason) = (pa.col("DATE_PLACED_CEASED"), pa.col("REASON_PLACED_CEASED"));
    for r in e.rows() {
        if legal.str(r) != Some(ls) {
            continue;
        }
        let matched = keys.rows(child.str(r));
        if matched.is_empty() {
            f.flag(T::Episodes, r);
        }
        if !dec.is_present(r) {
            for &p in matched {
                let p = p as usize;
                if ceased.is_present(p) || reason.is_present(p) {
                    f.flag(T::PlacedAdoption, p);
                }
            }
        }
    }
}

/// Whether the validator treats the child as continuously looked after for the collection
/// year (`utils.add_col_to_episodes_CONTINUOUSLY_LOOKED_AFTER`): in care at some point of the
/// year and with no episode that starts care (RNE S) after 1 April, ends care (REC other
/// than X1) between 1 April and 30 March, or has legal status V3/V4 during the year.
/// A child without episodes (or a missing CHILD) is not.
pub fn continuously_looked_after(cx: &Ctx, child: Option<&str>) -> bool {
    child.is_some_and(|c| cla_children(cx).contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::{FileFormat, Tables};

    #[test]
    fn years_on_clamp_leap_days() {
        assert_eq!(
            plus_years(Date::ymd(2016, 2, 29), 10),
            Some(Date::ymd(2026, 2, 28))
        );
        assert_eq!(
            plus_years(Date::ymd(2016, 3, 1), 18),
            Some(Date::ymd(2034, 3, 1))
        );
    }

    #[test]
    fn first_and_last_rows_per_child() {
        let t = Table::from_rows(
            &["CHILD", "DECOM"],
            &[
                ["A", "02/01/2020"],
                ["A", "01/01/2020"],
                ["A", "01/01/2020"],
                ["A", "03/01/2020"],
                ["A", "03/01/2020"],
                ["B", "X"],
                ["", "01/01/2020"],
            ],
        );
        let first = row_by_child_date(&t, "DECOM", false, |_| true);
        let last = row_by_child_date(&t, "DECOM", true, |_| true);
        assert_eq!(first, vec![("A", 1)]);
        assert_eq!(last, vec![("A", 3)]);
        assert_eq!(child_row_by_date(&t, "A", "DECOM", true), Some(3));
        assert_eq!(child_row_by_date(&t, "B", "DECOM", true), None);
        let sorted = child_rows_by_date(&t, "DECOM");
        assert!(sorted.contains(&vec![1, 2, 0, 3, 4]));
        assert!(sorted.contains(&vec![5]));
    }

    #[test]
    fn merge_keys_join_missing_children() {
        let t = Table::from_rows(&["CHILD"], &[["A"], [""], ["A"], [""]]);
        let k = MergeKeys::new(&t);
        assert_eq!(k.rows(Some("A")), &[0, 2]);
        assert_eq!(k.rows(None), &[1, 3]);
        assert!(k.rows(Some("B")).is_empty());
    }

    #[test]
    fn continuity() {
        let mut tables = Tables::default();
        tables.insert(
            T::Episodes,
            Table::from_rows(
                &["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
                &[
                    ["1", "01/01/2020", "P", "C2", "", ""],
                    ["2", "01/01/2020", "S", "C2", "01/06/2025", "E11"],
                    ["3", "01/05/2025", "S", "C2", "", ""],
                    ["4", "01/01/2020", "P", "V3", "", ""],
                    ["5", "01/01/2020", "P", "C2", "31/03/2026", "E11"],
                    ["6", "01/01/2020", "P", "C2", "31/03/2025", "E11"],
                ],
            ),
        );
        let cx = Ctx::new(&tables, 2026, None, FileFormat::Csv);
        let cla: Vec<_> = ["1", "2", "3", "4", "5", "6", "7"]
            .into_iter()
            .filter(|c| continuously_looked_after(&cx, Some(c)))
            .collect();
        assert_eq!(cla, vec!["1", "5"]);
        assert!(!continuously_looked_after(&cx, None));
    }
}
