//! Helpers written with the rules of group 6; move any that another group also needs
//! into `mod.rs`.
//!
//! Most of them reproduce a pandas behaviour the reference validator depends on: merge keys
//! where a missing CHILD matches another missing CHILD, `pd.to_datetime(dayfirst=True)`,
//! numpy's unstable quicksort (which decides ties in single-column `sort_values`), and the
//! `rule_utils.valid_date` check that accepts `ZZ` placeholders.

#[allow(unused_imports)]
use super::*;
use crate::engine::Flags;
use crate::ssda903::{Ctx, T};
use crate::table::{parse_dmy, Table};
use model::Date;
use std::cmp::Ordering;

/// The CHILD of a row as a pandas merge key: `None` (missing) matches another `None`, as
/// pandas matches NaN keys with each other in `merge`.
pub fn child_of(t: &Table, r: usize) -> Option<&str> {
    t.col("CHILD").str(r)
}

/// The CHILDs of some tables as pandas merge keys (a missing CHILD matches a missing one),
/// for "is this child in that table" tests. Uses each table's cached `by_child` index.
pub struct ChildKeys<'a> {
    tables: Vec<&'a Table>,
    missing: bool,
}

impl ChildKeys<'_> {
    pub fn contains(&self, child: Option<&str>) -> bool {
        match child {
            Some(c) => self.tables.iter().any(|t| !t.rows_of(c).is_empty()),
            None => self.missing,
        }
    }
}

/// The CHILD keys of `tables` together.
pub fn child_keys<'a>(tables: &[&'a Table]) -> ChildKeys<'a> {
    let missing = tables
        .iter()
        .any(|t| !t.by_child().without_child().is_empty());
    ChildKeys {
        tables: tables.to_vec(),
        missing,
    }
}

/// Rows of `t` whose CHILD (missing matching missing) is not among `keys`.
pub fn rows_missing_from(t: &Table, keys: &ChildKeys) -> Vec<u32> {
    let child = t.col("CHILD");
    t.rows()
        .filter(|&r| !keys.contains(child.str(r)))
        .map(|r| r as u32)
        .collect()
}

/// Calls `f` with the rows of each CHILD of `t`, the rows with no CHILD forming one more
/// group (pandas groups NaN keys in merges and `drop_duplicates`). Groups come in no
/// particular order; rows within a group in input order.
pub fn for_each_child_group<'a>(t: &'a Table, mut f: impl FnMut(Option<&'a str>, &[u32])) {
    for (c, rows) in t.by_child() {
        f(Some(c), rows);
    }
    let missing = t.by_child().without_child();
    if !missing.is_empty() {
        f(None, missing);
    }
}

/// `rule_utils.valid_date`: a `dd/mm/yyyy` date where a day or month of `ZZ` and a part of
/// `ZZZZ` stand for "unknown" (read as 01 and 2000); anything else must parse strictly.
pub fn is_valid_date_zz(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').collect();
    if parts.len() != 3 {
        return false;
    }
    let fixed: Vec<&str> = parts
        .iter()
        .map(|p| match *p {
            "ZZ" => "01",
            "ZZZZ" => "2000",
            other => other,
        })
        .collect();
    parse_dmy(&fixed.join("/")).is_some()
}

/// Ceiling of `n` numpy years (`np.timedelta64(n, "Y")`, 365.2425 days) in whole days: a
/// difference of whole days `d` is `>= n years` exactly when `d >= np_years_days(n)`.
pub fn np_years_days(n: i64) -> i64 {
    (n * 3_652_425 + 9_999) / 10_000
}

/// The first midnight date on or after `d - np.timedelta64(1, "Y")`: a date `x` satisfies
/// `x >= d - 1 numpy year` exactly when `x >= minus_np_year(d)`.
pub fn minus_np_year(d: Date) -> Date {
    d.plus_days(-365)
}

/// `DateOffset(years=n)`: same day and month, 29 February clamped to 28 February.
pub fn add_years(d: Date, n: i32) -> Date {
    Date(model::calendar::add_years(d.naive(), n))
}

/// A point in time in whole seconds since 1970, as `pd.to_datetime(dayfirst=True)` gives
/// (a date, or a date with a time of day).
pub type Stamp = i64;

fn stamp(d: Date, secs: i64) -> Stamp {
    d.to_epoch_days() * 86_400 + secs
}

/// A stamp's date and its time of day in seconds.
pub fn split_stamp(s: Stamp) -> (Date, u32) {
    let (days, secs) = (s.div_euclid(86_400), s.rem_euclid(86_400));
    (Date::ymd(1970, 1, 1).plus_days(days), secs as u32)
}

/// `pd.to_datetime(value, dayfirst=True, errors="coerce")` on one string, as a date (any
/// time of day dropped): [`parse_dayfirst_stamp`]'s date.
pub fn parse_dayfirst_date(s: &str) -> Option<Date> {
    parse_dayfirst_stamp(s).map(|t| split_stamp(t).0)
}

/// A date as a [`Stamp`] at midnight.
pub fn stamp_of(d: Date) -> Stamp {
    stamp(d, 0)
}

/// `pd.to_datetime(value, dayfirst=True, errors="coerce")` on one string, as pandas 1.5
/// reads it: ISO forms (`2023-04-01`, `2023/04/01`, `20230401`, with an optional time),
/// delimited day-first dates (`1/4/2023`, `01-04-2023`, `01.04.2023`; swapped when the
/// first number cannot be a month), two-digit years (`01/04/23`, `010423`), month names
/// (`1 APRIL 2023`, `01-APR-2023`, `APR 2023`), a bare year (`2023`) and month/year
/// (`04/2023`). `None` for anything else (NaT).
pub fn parse_dayfirst_stamp(s: &str) -> Option<Stamp> {
    let t = s.trim();
    if t.is_empty() || matches!(t, "NAN" | "NAT" | "NaN" | "NaT" | "nan" | "nat") {
        return None;
    }
    let v = if let Some(v) = parse_iso(t) {
        Some(v)
    } else if let Some(v) = parse_delimited(t) {
        v
    } else {
        parse_loose(t)
    };
    // pandas' nanosecond timestamps end at 1677-09-21 and 2262-04-11.
    let (lo, hi) = (
        stamp_of(Date::ymd(1677, 9, 22)),
        stamp_of(Date::ymd(2262, 4, 11)),
    );
    v.filter(|v| (lo..hi).contains(v))
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn num(s: &str) -> Option<u32> {
    if digits(s) && s.len() <= 9 {
        s.parse().ok()
    } else {
        None
    }
}

/// `HH:MM[:SS[.f]]`, the time part after a date; seconds into the day.
fn parse_time(s: &str) -> Option<i64> {
    let (hms, frac) = match s.split_once('.') {
        Some((a, b)) if digits(b) => (a, Some(b)),
        Some(_) => return None,
        None => (s, None),
    };
    let _ = frac;
    let parts: Vec<&str> = hms.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 || parts.iter().any(|p| p.len() != 2 || !digits(p)) {
        return None;
    }
    let h = num(parts[0])? as i64;
    let m = num(parts[1])? as i64;
    let sec = parts.get(2).map_or(Some(0), |p| num(p))? as i64;
    (h < 24 && m < 60 && sec < 60).then_some(h * 3600 + m * 60 + sec)
}

/// pandas' ISO 8601 reader: `YYYY[sep]MM[sep]DD` with sep one of `-./\ `, `YYYYMMDD`,
/// `YYYY-MM`, and an optional `T`/space time.
fn parse_iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    if b.len() < 7 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) {
        if b.len() != 8 {
            return None;
        }
        let d = Date::from_ymd_opt(year, num(&s[4..6])?, num(&s[6..8])?)?;
        return Some(stamp_of(d));
    }
    let sep = b[4];
    if !matches!(sep, b'-' | b'.' | b'/' | b'\\' | b' ') {
        return None;
    }
    let rest = &s[5..];
    // Month: two digits (pandas' ISO reader); then the end, or the same separator and a day.
    let month = num(rest.get(..2)?)?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(stamp_of(Date::from_ymd_opt(year, month, 1)?));
    }
    if rest.as_bytes()[0] != sep {
        return None;
    }
    let rest = &rest[1..];
    let day = num(rest.get(..2)?)?;
    let d = Date::from_ymd_opt(year, month, day)?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(stamp_of(d));
    }
    let first = rest.as_bytes()[0];
    if first != b'T' && first != b' ' {
        return None;
    }
    Some(stamp(d, parse_time(&rest[1..])?))
}

/// pandas' `_parse_delimited_date` (lengths 7 to 10): `Some(None)` when it recognises the
/// shape but the date is impossible (pandas raises, which `errors="coerce"` makes NaT).
fn parse_delimited(s: &str) -> Option<Option<Stamp>> {
    if !s.is_ascii() {
        return None;
    }
    let b = s.as_bytes();
    let delim = |i: usize| matches!(b.get(i), Some(b' ' | b'/' | b'-' | b'.'));
    let (first, second, year, can_swap) = match b.len() {
        10 if delim(2) && delim(5) => (&s[..2], &s[3..5], &s[6..], true),
        9 if delim(1) && delim(4) => (&s[..1], &s[2..4], &s[5..], true),
        9 if delim(2) && delim(4) => (&s[..2], &s[3..4], &s[5..], true),
        8 if delim(1) && delim(3) => (&s[..1], &s[2..3], &s[4..], true),
        7 if delim(2) && b[2] != b'.' => (&s[..2], "1", &s[3..], false),
        _ => return None,
    };
    let (Some(mut month), Some(mut day), Some(year)) = (num(first), num(second), num(year)) else {
        return None;
    };
    if year < 1000 {
        return None;
    }
    if !can_swap {
        // MM?YYYY: the first number is the month, the day the 1st.
        return Some(Date::from_ymd_opt(year as i32, month, 1).map(stamp_of));
    }
    if (1..=31).contains(&month) && (1..=31).contains(&day) && (month <= 12 || day <= 12) {
        if month > 12 || day <= 12 {
            std::mem::swap(&mut day, &mut month);
        }
        return Some(Date::from_ymd_opt(year as i32, month, day).map(stamp_of));
    }
    Some(None)
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

fn month_name(s: &str) -> Option<u32> {
    const FULL: [&str; 12] = [
        "JANUARY",
        "FEBRUARY",
        "MARCH",
        "APRIL",
        "MAY",
        "JUNE",
        "JULY",
        "AUGUST",
        "SEPTEMBER",
        "OCTOBER",
        "NOVEMBER",
        "DECEMBER",
    ];
    let s = s.to_ascii_uppercase();
    (0..12)
        .find(|&i| s == MONTHS[i] || s == FULL[i] || (i == 8 && s == "SEPT"))
        .map(|i| i as u32 + 1)
}

/// A two-digit year as dateutil reads it: within 50 years of the current year.
fn century(y: u32) -> i32 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| 1970 + (d.as_secs() / 31_556_952) as i32)
        .unwrap_or(2026);
    let mut full = now - now % 100 + y as i32;
    if full >= now + 50 {
        full -= 100;
    } else if full < now - 50 {
        full += 100;
    }
    full
}

/// The dateutil fallback, for the shapes that occur in practice: three numbers (day first,
/// two-digit year), a month name with a day and a year, a bare year, an optional time.
fn parse_loose(s: &str) -> Option<Stamp> {
    // Split off a trailing time.
    let (date_part, secs) = match s.rsplit_once(' ') {
        Some((a, b)) if b.contains(':') => (a.trim(), parse_time(b)?),
        _ => (s, 0),
    };
    let tokens = loose_tokens(date_part);
    let at = |d: Option<Date>| d.map(|d| stamp(d, secs));
    match tokens.as_slice() {
        [y] if y.len() == 4 && digits(y) => at(Date::from_ymd_opt(num(y)? as i32, 1, 1)),
        [six] if six.len() == 6 && digits(six) => {
            three_numbers(&six[..2], &six[2..4], &six[4..]).and_then(|d| at(Some(d)))
        }
        [a, b, c] if [a, b, c].iter().all(|t| digits(t)) => {
            three_numbers(a, b, c).and_then(|d| at(Some(d)))
        }
        [a, b, c] => {
            // One month name and two numbers: the 4-digit (or last) number is the year.
            let names: Vec<usize> = [a, b, c]
                .iter()
                .enumerate()
                .filter(|(_, t)| month_name(t).is_some())
                .map(|(i, _)| i)
                .collect();
            let [mi] = names.as_slice() else { return None };
            let month = month_name([a, b, c][*mi])?;
            let nums: Vec<&str> = [a, b, c]
                .iter()
                .enumerate()
                .filter(|(i, _)| i != mi)
                .map(|(_, t)| **t)
                .collect();
            let (d, y) = if nums[0].len() > 2 {
                (nums[1], nums[0])
            } else {
                (nums[0], nums[1])
            };
            let (d, y) = (num(d)?, num(y)?);
            let year = if y < 100 { century(y) } else { y as i32 };
            at(Date::from_ymd_opt(year, month, d))
        }
        [m, y] if m.len() <= 2 && y.len() == 4 && digits(m) && digits(y) => {
            at(Date::from_ymd_opt(num(y)? as i32, num(m)?, 1))
        }
        [a, b] => {
            let (m, y) = match (month_name(a), month_name(b)) {
                (Some(m), None) => (m, *b),
                (None, Some(m)) => (m, *a),
                _ => return None,
            };
            let y = num(y)?;
            if y < 1000 {
                return None;
            }
            at(Date::from_ymd_opt(y as i32, m, 1))
        }
        _ => None,
    }
}

/// The date's parts as dateutil's lexer sees them: split at separators and where digits meet
/// letters (`01FEB2020`), an ordinal suffix dropped (`1ST`), weekday names skipped.
fn loose_tokens(s: &str) -> Vec<&str> {
    const WEEKDAYS: [&str; 14] = [
        "MON",
        "TUE",
        "WED",
        "THU",
        "FRI",
        "SAT",
        "SUN",
        "MONDAY",
        "TUESDAY",
        "WEDNESDAY",
        "THURSDAY",
        "FRIDAY",
        "SATURDAY",
        "SUNDAY",
    ];
    let mut out = Vec::new();
    for part in s.split(['/', '-', '.', ' ', ',']).filter(|t| !t.is_empty()) {
        let mut start = 0;
        let bytes = part.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[i - 1].is_ascii_digit() {
                out.push(&part[start..i]);
                start = i;
            }
        }
    }
    let mut kept: Vec<&str> = Vec::with_capacity(out.len());
    for t in out {
        let upper = t.to_ascii_uppercase();
        let ordinal = matches!(upper.as_str(), "ST" | "ND" | "RD" | "TH")
            && kept.last().is_some_and(|p| digits(p));
        if !ordinal && !WEEKDAYS.contains(&upper.as_str()) {
            kept.push(t);
        }
    }
    kept
}

/// Three numbers with no four-digit year among them, resolved as dateutil does with
/// `dayfirst=True`.
fn three_numbers(a: &str, b: &str, c: &str) -> Option<Date> {
    if [a, b, c].iter().any(|t| t.len() > 2) {
        // A four-digit year first (`2023-4-1`) or last (`1-4-2023`).
        if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            let (m, d) = (num(b)?, num(c)?);
            let (m, d) = if m > 12 { (d, m) } else { (m, d) };
            return Date::from_ymd_opt(num(a)? as i32, m, d);
        }
        if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
            let (x, y) = (num(a)?, num(b)?);
            let (d, m) = if y > 12 { (y, x) } else { (x, y) };
            return Date::from_ymd_opt(num(c)? as i32, m, d);
        }
        return None;
    }
    let (x, y, z) = (num(a)?, num(b)?, num(c)?);
    let (d, m, yy) = if x > 31 {
        (z, y, x)
    } else if y > 12 && x <= 12 {
        (y, x, z)
    } else {
        (x, y, z)
    };
    Date::from_ymd_opt(century(yy), m, d)
}

/// Compares two optional keys with missing last (pandas' `na_position="last"`, whichever the
/// direction).
pub fn cmp_na_last<K: Ord>(a: &Option<K>, b: &Option<K>, ascending: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => {
            if ascending {
                x.cmp(y)
            } else {
                y.cmp(x)
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// For each row, the row before it among the same CHILD's rows once `t` is sorted as
/// `sort_values(["CHILD", *dates], ascending)` sorts it (a stable sort, missing dates last),
/// as `df.merge(df.shift(1), on=["CHILD", "index"])` pairs them: rows with no CHILD pair with
/// each other. When no row has a CHILD, the first sorted row also pairs with the all-missing
/// row `shift` brings in; its predecessor is `None`.
pub fn same_child_predecessors(
    t: &Table,
    dates: &[&str],
    ascending: bool,
) -> Vec<(usize, Option<usize>)> {
    let cols: Vec<_> = dates.iter().map(|c| t.col(c)).collect();
    let all_missing = !t.is_empty() && t.by_child().is_empty();
    let mut out = Vec::with_capacity(t.len());
    let mut group: Vec<usize> = Vec::new();
    for_each_child_group(t, |_, rows| {
        group.clear();
        group.extend(rows.iter().map(|&r| r as usize));
        group.sort_by(|&a, &b| {
            cols.iter().fold(Ordering::Equal, |o, c| {
                o.then_with(|| cmp_na_last(&c.date(a), &c.date(b), ascending))
            })
        });
        if all_missing {
            if let Some(&first) = group.first() {
                out.push((first, None));
            }
        }
        out.extend(group.windows(2).map(|w| (w[1], Some(w[0]))));
    });
    out
}

/// The row each CHILD group (rows with no CHILD forming one) keeps when `t` is sorted by
/// `key` (missing keys last) and de-duplicated on CHILD, keeping the last row (`last`) or
/// the first. Ties keep input order: the reference's single-column `sort_values` uses
/// numpy's unstable quicksort, whose tie order differs between CPUs (AVX-512 or not), so
/// there is no single order to match.
pub fn latest_per_child(
    t: &Table,
    key: impl Fn(usize) -> Option<i64>,
    ascending: bool,
    last: bool,
) -> Vec<(Option<&str>, usize)> {
    let mut out = Vec::new();
    for_each_child_group(t, |c, rows| {
        let mut sorted: Vec<usize> = rows.iter().map(|&r| r as usize).collect();
        sorted.sort_by(|&a, &b| cmp_na_last(&key(a), &key(b), ascending));
        let pick = if last { sorted.last() } else { sorted.first() };
        if let Some(&r) = pick {
            out.push((c, r));
        }
    });
    out
}

/// INT01–INT09: rows of `table` whose CHILD is not in the Header (missing matching missing).
pub fn int_child_not_in_header(cx: &Ctx, f: &mut Flags<T>, table: T) {
    let keys = child_keys(&[cx.t(T::Header)]);
    f.flag_rows(table, rows_missing_from(cx.t(table), &keys));
}

/// The distinct present values of a group of rows: none, one, or several.
#[derive(Clone, Copy, PartialEq)]
enum Distinct<V> {
    None,
    One(V),
    Many,
}

/// INT11–INT21: rows of `table` whose value (read by `value`) differs from the value of a
/// Header row of the same CHILD (missing matching missing), both present.
pub fn int_differs_from_header<'a, V: Eq + Copy>(
    cx: &Ctx<'a>,
    f: &mut Flags<T>,
    table: T,
    value: impl Fn(&'a Table, usize) -> Option<V>,
) {
    let h = cx.t(T::Header);
    let distinct = |rows: &mut dyn Iterator<Item = usize>| {
        rows.filter_map(|r| value(h, r))
            .fold(Distinct::None, |d, v| match d {
                Distinct::None => Distinct::One(v),
                Distinct::One(w) if w == v => d,
                _ => Distinct::Many,
            })
    };
    let hc = h.col("CHILD");
    let missing = distinct(&mut h.rows().filter(|&r| hc.str(r).is_none()));
    let t = cx.t(table);
    let child = t.col("CHILD");
    for r in t.rows() {
        let Some(v) = value(t, r) else { continue };
        let header = match child.str(r) {
            Some(c) => distinct(&mut h.rows_of(c).iter().map(|&r| r as usize)),
            None => missing,
        };
        let differs = match header {
            Distinct::None => false,
            Distinct::One(w) => w != v,
            Distinct::Many => true,
        };
        if differs {
            f.flag(table, r);
        }
    }
}

/// INT31–INT36: every row of a CHILD (present) that occurs more than once in `table`.
pub fn int_only_once(cx: &Ctx, f: &mut Flags<T>, table: T) {
    let t = cx.t(table);
    for rows in t.by_child().values() {
        if rows.len() > 1 {
            f.flag_rows(table, rows.iter().copied());
        }
    }
}

/// SW10STG2 / SW10aSTG2: each social worker episode (sorted by CHILD, SW_DECOM, SW_DEC) must
/// start within 7 days either side of the previous episode's end, for the same child; a
/// missing date on either side fails the comparison and is flagged. With `fconta_exempt`,
/// episodes whose reason is FCONTA are not checked.
pub fn sw_not_within_7_days(cx: &Ctx, f: &mut Flags<T>, fconta_exempt: bool) {
    let sw = cx.t(T::SwEpisodes);
    let (decom, dec) = (sw.col("SW_DECOM"), sw.col("SW_DEC"));
    for (cur, prev) in same_child_predecessors(sw, &["SW_DECOM", "SW_DEC"], true) {
        if fconta_exempt && sw.col("SW_REASON").str(cur) == Some("FCONTA") {
            continue;
        }
        let prev_end = prev.and_then(|p| dec.date(p));
        let within = match (decom.date(cur), prev_end) {
            (Some(start), Some(end)) => end.days_until(start).abs() <= 7,
            _ => false,
        };
        if !within {
            f.flag(T::SwEpisodes, cur);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> Option<Stamp> {
        parse_dmy(s).map(stamp_of)
    }

    #[test]
    fn dayfirst_forms() {
        let apr1 = ymd("01/04/2023");
        for s in [
            "01/04/2023",
            "1/4/2023",
            "01-04-2023",
            "01.04.2023",
            "01 04 2023",
            "2023-04-01",
            "2023/04/01",
            "20230401",
            "01/04/23",
            "010423",
            "1 APRIL 2023",
            "01-APR-2023",
            "APRIL 1 2023",
            " 01/04/2023",
            "1/04/2023",
        ] {
            assert_eq!(parse_dayfirst_stamp(s), apr1, "{s}");
        }
        assert_eq!(parse_dayfirst_stamp("01/13/2023"), ymd("13/01/2023"));
        assert_eq!(parse_dayfirst_stamp("04/2023"), apr1);
        assert_eq!(parse_dayfirst_stamp("APR 2023"), apr1);
        assert_eq!(parse_dayfirst_stamp("2023"), ymd("01/01/2023"));
        assert_eq!(parse_dayfirst_stamp("23-04-01"), ymd("23/04/2001"));
        assert_eq!(
            parse_dayfirst_stamp("01/04/2023 10:00"),
            apr1.map(|s| s + 36_000)
        );
        for bad in [
            "31/02/2023",
            "X",
            "5",
            "NAN",
            "001/04/2023",
            "13/13/2023",
            "01042023",
            "01/04/0999",
        ] {
            assert_eq!(parse_dayfirst_stamp(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn dayfirst_never_panics(s in "[0-9A-Z/:. T-]{0,24}|\\PC{0,16}") {
            let _ = parse_dayfirst_stamp(&s);
            let _ = is_valid_date_zz(&s);
        }
    }

    #[test]
    fn zz_dates() {
        assert!(is_valid_date_zz("ZZ/ZZ/2020"));
        assert!(is_valid_date_zz("01/02/ZZZZ"));
        assert!(!is_valid_date_zz("ZZ/ZZ/ZZ"));
        assert!(!is_valid_date_zz("2020-01-01"));
        assert!(!is_valid_date_zz("31/02/2020"));
    }

    #[test]
    fn numpy_years() {
        assert_eq!(np_years_days(17), 6210);
        assert_eq!(np_years_days(18), 6575);
        assert_eq!(np_years_days(19), 6940);
    }
}
