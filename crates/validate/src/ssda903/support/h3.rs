//! Helpers written with the rules of group 3; move any that another group also needs
//! into `mod.rs`.

#[allow(unused_imports)]
use super::*;
use crate::engine::Flags;
use crate::table::Column;
use hashbrown::{HashMap, HashSet};

/// Rows grouped by a column's text, a missing cell under "": pandas merges and `isin`
/// match a missing key with another missing key, unlike `groupby` (see `Table::by_child`).
pub fn rows_by_text<'t>(table: &'t Table, column: &str) -> HashMap<&'t str, Vec<u32>> {
    let col = table.col(column);
    let mut map: HashMap<&str, Vec<u32>> = HashMap::new();
    for r in table.rows() {
        map.entry(col.text(r)).or_default().push(r as u32);
    }
    map
}

/// The texts of a column over the rows that satisfy `keep`, a missing cell as "" (the
/// values an `isin` or a merge on that column would match).
pub fn texts_where<'t>(
    table: &'t Table,
    column: &str,
    keep: impl Fn(usize) -> bool,
) -> HashSet<&'t str> {
    let col = table.col(column);
    table
        .rows()
        .filter(|&r| keep(r))
        .map(|r| col.text(r))
        .collect()
}

/// The row order of `sort_values(["CHILD", …])`: children in string order, rows without
/// a CHILD last, then `key`; stable, as pandas' multi-column sort is.
pub fn sorted_rows<K: Ord>(table: &Table, key: impl Fn(usize) -> K) -> Vec<usize> {
    let groups = table.by_child();
    let mut children: Vec<(&str, &[u32])> = groups.iter().collect();
    children.sort_unstable_by_key(|(c, _)| *c);
    let mut out = Vec::with_capacity(table.len());
    for (_, rows) in children {
        let start = out.len();
        out.extend(rows.iter().map(|&r| r as usize));
        out[start..].sort_by_key(|&r| key(r));
    }
    let start = out.len();
    out.extend(groups.without_child().iter().map(|&r| r as usize));
    out[start..].sort_by_key(|&r| key(r));
    out
}

/// Each child's rows ordered (stably) by `key`, children in no particular order, rows
/// without a CHILD left out: for rules that only compare a child's consecutive episodes.
pub fn for_each_child_sorted<K: Ord>(
    table: &Table,
    key: impl Fn(usize) -> K,
    mut each: impl FnMut(&[usize]),
) {
    let mut rows: Vec<usize> = Vec::new();
    for group in table.by_child().values() {
        rows.clear();
        rows.extend(group.iter().map(|&r| r as usize));
        rows.sort_by_key(|&r| key(r));
        each(&rows);
    }
}

/// Each episode with the child's previous one, `(previous, episode)`, episodes ordered by
/// DECOM (a missing or invalid DECOM last, ties in input order): for the rules comparing an
/// episode with the one before it (431–436).
pub fn for_each_previous_episode(eps: &Table, mut each: impl FnMut(usize, usize)) {
    let decom = eps.col("DECOM");
    for_each_child_sorted(
        eps,
        |r| nat_last_key(decom.date(r)),
        |rows| {
            for w in rows.windows(2) {
                each(w[0], w[1]);
            }
        },
    );
}

/// What the Header rows merged onto one CHILD key (missing = "") say about the DOB: how
/// many rows, whether any DOB is not a valid date, and the earliest and latest valid DOB.
/// Lets a merge-then-test rule ask "does any merged row …" in one lookup.
#[derive(Clone, Copy, Default)]
pub struct DobStats {
    pub rows: usize,
    pub any_invalid: bool,
    pub min: Option<Date>,
    pub max: Option<Date>,
}

pub fn dob_stats(header: &Table) -> HashMap<&str, DobStats> {
    let (child, dob) = (header.col("CHILD"), header.col("DOB"));
    let mut map: HashMap<&str, DobStats> = HashMap::new();
    for r in header.rows() {
        let s = map.entry(child.text(r)).or_default();
        s.rows += 1;
        match dob.date(r) {
            Some(d) => {
                s.min = Some(s.min.map_or(d, |m| m.min(d)));
                s.max = Some(s.max.map_or(d, |m| m.max(d)));
            }
            None => s.any_invalid = true,
        }
    }
    map
}

/// A sort key putting a missing date (NaT) after every date, as pandas sorts.
pub fn nat_last_key<D: Ord>(d: Option<D>) -> (bool, Option<D>) {
    (d.is_none(), d)
}

/// Both rows have the same CHILD (`CHILD == CHILD_PREV`: a missing CHILD equals nothing).
pub fn same_child(table: &Table, a: usize, b: usize) -> bool {
    let c = table.col("CHILD");
    c.str(a).is_some() && c.str(a) == c.str(b)
}

/// pandas `a != b` on cells: true when either is missing (NaN != anything).
pub fn py_ne(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a != b,
        _ => true,
    }
}

/// pandas `a == b` on cells: false when either is missing.
pub fn py_eq(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b)
}

/// `date + pd.DateOffset(years=n)` (29 February clamps to 28 February).
pub fn plus_years_clamped(d: Date, years: i32) -> Date {
    Date(model::calendar::add_years(d.naive(), years))
}

/// The cell is one of `codes` (exact, as `.isin`; missing is in no list).
pub fn is_in(col: &Column, r: usize, codes: &[&str]) -> bool {
    col.str(r).is_some_and(|v| codes.contains(&v))
}

/// Children known to be UASC this year or last, as 392a, 392b and 406 gather them: from
/// `Header.UASC` = "1" (or, without a Header, every UASC row with any value besides
/// CHILD), and the same from last year's Header/UASC. `None` when no source carries a UASC
/// flag at all (the rules then cannot tell who was UASC). A missing CHILD is "".
pub fn uasc_children<'a>(cx: &Ctx<'a>) -> Option<HashSet<&'a str>> {
    let mut found = false;
    let mut set = HashSet::new();
    for (h, u) in [(T::Header, T::Uasc), (T::HeaderLast, T::UascLast)] {
        if let Some(header) = cx.get(h) {
            if header.has("UASC") {
                found = true;
                let (flag, child) = (header.col("UASC"), header.col("CHILD"));
                set.extend(
                    header
                        .rows()
                        .filter(|&r| flag.str(r) == Some("1"))
                        .map(|r| child.text(r)),
                );
            }
        } else if let Some(uasc) = cx.get(u) {
            found = true;
            let child = uasc.col("CHILD");
            let others: Vec<&Column> = uasc
                .names()
                .iter()
                .filter(|n| n.as_str() != "CHILD")
                .map(|n| uasc.col(n))
                .collect();
            set.extend(
                uasc.rows()
                    .filter(|&r| others.iter().any(|c| c.is_present(r)))
                    .map(|r| child.text(r)),
            );
        }
    }
    found.then_some(set)
}

/// Legal-status runs for 361/362: the episodes of status `ls`, in (CHILD, DECOM) order, are
/// chained into runs while each one's end (open = collection end) is the next episode's
/// start; a run lasting more than `max_days` flags all its episodes. Mirrors the reference
/// exactly, including that the chain looks at the next episode of any status and that runs
/// are matched back by the text `CHILD + run number`.
pub fn status_runs_longer_than(cx: &Ctx, f: &mut Flags<T>, ls: &str, max_days: i64) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, status, child) = (
        eps.col("DECOM"),
        eps.col("DEC"),
        eps.col("LS"),
        eps.col("CHILD"),
    );
    let end_of = |r: usize| dec.date(r).unwrap_or(cx.end);
    let order = sorted_rows(eps, |r| nat_last_key(decom.date(r)));
    let mut items: Vec<(usize, u64)> = Vec::new();
    let (mut run, mut prev_flows) = (0u64, false);
    for (i, &r) in order.iter().enumerate() {
        if status.str(r) != Some(ls) {
            continue;
        }
        if !prev_flows {
            run += 1;
        }
        prev_flows = order
            .get(i + 1)
            .is_some_and(|&next| decom.date(next) == Some(end_of(r)) && same_child(eps, r, next));
        items.push((r, run));
    }
    let mut spans: HashMap<(&str, u64), (Option<Date>, Date)> = HashMap::new();
    for &(r, run) in &items {
        let Some(c) = child.str(r) else { continue };
        let span = spans.entry((c, run)).or_insert((None, end_of(r)));
        if let Some(d) = decom.date(r) {
            span.0 = Some(span.0.map_or(d, |m| m.min(d)));
        }
        span.1 = span.1.max(end_of(r));
    }
    let long: HashSet<String> = spans
        .iter()
        .filter(|(_, (start, end))| start.is_some_and(|s| s.days_until(*end) > max_days))
        .map(|((c, run), _)| format!("{c}{run}"))
        .collect();
    for &(r, run) in &items {
        let c = child.str(r).unwrap_or("nan");
        if long.contains(&format!("{c}{run}")) {
            f.flag(T::Episodes, r);
        }
    }
}

/// Legal-status periods for 363/364: the episodes of status `ls` with a valid DECOM, in
/// input order (the reference's sort is discarded), are split into periods where the
/// child changes or an episode starts after the previous one ended (open = collection
/// end); a period whose summed episode lengths exceed `max_days` flags all its episodes.
pub fn status_periods_longer_than(cx: &Ctx, f: &mut Flags<T>, ls: &str, max_days: i64) {
    let eps = cx.t(T::Episodes);
    let (decom, dec, status, child) = (
        eps.col("DECOM"),
        eps.col("DEC"),
        eps.col("LS"),
        eps.col("CHILD"),
    );
    let mut periods: Vec<(Vec<usize>, i64)> = Vec::new();
    let mut prev: Option<(usize, Option<Date>)> = None;
    for r in eps.rows() {
        let Some(start) = decom.date(r).filter(|_| status.str(r) == Some(ls)) else {
            continue;
        };
        let end = if dec.is_present(r) {
            dec.date(r)
        } else {
            Some(cx.end)
        };
        let new_period = match prev {
            None => true,
            Some((p, prev_end)) => {
                prev_end.is_some_and(|e| start > e) || py_ne(child.str(r), child.str(p))
            }
        };
        if new_period || periods.is_empty() {
            periods.push((Vec::new(), 0));
        }
        if let Some(period) = periods.last_mut() {
            period.0.push(r);
            period.1 += end.map_or(0, |e| start.days_until(e));
        }
        prev = Some((r, end));
    }
    for (rows, total) in periods {
        if total > max_days {
            for r in rows {
                f.flag(T::Episodes, r);
            }
        }
    }
}

/// Episodes placed in `place` with a valid DECOM and DEC whose child (any Header row with a
/// valid DOB) was under `years` at DECOM (370–374, the reference's `decom_before_dob`;
/// open episodes are not checked).
pub fn placed_under_age(cx: &Ctx, f: &mut Flags<T>, place: &str, years: i32) {
    // Some merged DOB gives DECOM < DOB + years iff the latest one does.
    placement_check(cx, f, place, |decom, _dec, dob| {
        dob.max
            .is_some_and(|d| decom < plus_years_clamped(d, years))
    });
}

/// Episodes placed in `place` with a valid DECOM and DEC, whose child has a Header row with
/// a valid DOB, that lasted more than `days` (375, 376, 379: `dec_after_decom`).
pub fn placement_longer_than(cx: &Ctx, f: &mut Flags<T>, place: &str, days: i64) {
    placement_check(cx, f, place, |decom, dec, dob| {
        dob.max.is_some() && decom.days_until(dec) > days
    });
}

fn placement_check(
    cx: &Ctx,
    f: &mut Flags<T>,
    place: &str,
    bad: impl Fn(Date, Date, DobStats) -> bool,
) {
    let eps = cx.t(T::Episodes);
    let dobs = dob_stats(cx.t(T::Header));
    let (child, pl, decom, dec) = (
        eps.col("CHILD"),
        eps.col("PLACE"),
        eps.col("DECOM"),
        eps.col("DEC"),
    );
    for r in eps.rows() {
        if pl.str(r) != Some(place) {
            continue;
        }
        let (Some(start), Some(end)) = (decom.date(r), dec.date(r)) else {
            continue;
        };
        if dobs.get(child.text(r)).is_some_and(|&d| bad(start, end, d)) {
            f.flag(T::Episodes, r);
        }
    }
}

pub fn in_pandas_range(d: Date) -> Option<Date> {
    (Date::ymd(1677, 9, 22) <= d && d <= Date::ymd(2262, 4, 11)).then_some(d)
}

/// Derived Episodes columns the postcode lookup is to supply for 392c: non-empty when
/// HOME_POST / PL_POST is found in the ONS postcode directory (the reference's `pcd`).
pub const HOME_POST_FOUND: &str = "HOME_POST_FOUND";
pub const PL_POST_FOUND: &str = "PL_POST_FOUND";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dayfirst_forms() {
        let d = Some(Date::ymd(2020, 2, 1));
        for s in [
            "01/02/2020",
            "1/2/2020",
            "2020-02-01",
            "2020/02/01",
            "01-02-2020",
            "01.02.2020",
            "01 02 2020",
            "1 Feb 2020",
            "Feb 1 2020",
            "01/02/20",
            "010220",
            "20200201",
            "2020-02-01 10:00",
            "01/02/2020 10:00",
            "2020-02-01T10:00:30",
            "FEB 2020",
            "1ST FEB 2020",
            "01-FEB-2020",
            "01FEB2020",
            " 01/02/2020 ",
        ] {
            assert_eq!(parse_dayfirst_date(s), d, "{s}");
        }
        assert_eq!(
            parse_dayfirst_date("02/13/2020"),
            Some(Date::ymd(2020, 2, 13))
        );
        assert_eq!(
            parse_dayfirst_date("2020-13-01"),
            Some(Date::ymd(2020, 1, 13))
        );
        assert_eq!(parse_dayfirst_date("01/2020"), Some(Date::ymd(2020, 1, 1)));
        assert_eq!(parse_dayfirst_date("2020"), Some(Date::ymd(2020, 1, 1)));
        assert_eq!(parse_dayfirst_date("1/2/3"), Some(Date::ymd(2003, 2, 1)));
        assert_eq!(
            parse_dayfirst_stamp("01/02/2020 10:00:30").map(split_stamp),
            Some((Date::ymd(2020, 2, 1), 36030))
        );
        for bad in [
            "01022020",
            "31/02/2020",
            "01/02/2020X",
            "0",
            "12",
            "99/99/9999",
            "2020-02-30",
            "T",
            "32/01/2020",
            "01/02/0020",
            "01/02/10000",
            "",
            "01/02/2020 25:00",
            "01/02/2020 10:",
        ] {
            assert_eq!(parse_dayfirst_date(bad), None, "{bad}");
        }
    }
}

#[cfg(test)]
mod timing {
    /// `H3_TIMING=dir cargo test -p validate timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn time_rules() {
        use crate::ssda903::*;
        let Ok(dir) = std::env::var("H3_TIMING") else {
            return;
        };
        let mut t = Tables::default();
        read_csv_dir(std::path::Path::new(&dir), false, &mut t).expect("read");
        t.derive_header_uasc();
        let cx = Ctx::new(&t, 2026, Some("E09000027"), FileFormat::Csv);
        for r in pack(2026) {
            let s = std::time::Instant::now();
            let out = run_rule(r, &cx);
            let n = match out {
                crate::engine::Outcome::Flagged(v) => v.len(),
                _ => 0,
            };
            eprintln!("{} {:?} {n}", r.code, s.elapsed());
        }
    }
}
