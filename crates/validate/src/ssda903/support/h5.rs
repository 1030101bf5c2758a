//! Helpers written with the rules of group 5 (missing periods, adoption, motherhood,
//! previous permanence, DoLOs, care leavers); move any that another group also needs
//! into `mod.rs`.

#[allow(unused_imports)]
use super::*;
use crate::engine::Flags;
use crate::table::Column;
use hashbrown::HashMap;
use std::cmp::Ordering;

/// The key pandas merges on: the CHILD text, with a missing CHILD as "" (pandas `merge`
/// and `isin` match a missing key with other missing keys; `groupby` drops them).
pub fn merge_key(t: &Table, row: usize) -> &str {
    t.col("CHILD").text(row)
}

/// Rows per merge key, in input order, including the missing-CHILD rows under "" (built
/// on the table's cached `by_child`).
pub struct MergeRows<'a> {
    by: &'a crate::table::ChildIndex,
}

impl<'a> MergeRows<'a> {
    /// The key's rows; `None` when it has none.
    pub fn get(&self, key: &str) -> Option<&[u32]> {
        let rows = self.rows(key);
        (!rows.is_empty()).then_some(rows)
    }

    /// The key's rows (empty when it has none).
    pub fn rows(&self, key: &str) -> &[u32] {
        if key.is_empty() {
            self.by.without_child()
        } else {
            self.by.get(key).unwrap_or(&[])
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        !self.rows(key).is_empty()
    }

    /// Every key with its rows (the missing-CHILD rows last, under "").
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a [u32])> + 'a {
        let by: &'a crate::table::ChildIndex = self.by;
        let missing = Some(("", by.without_child())).filter(|(_, rows)| !rows.is_empty());
        by.iter().chain(missing)
    }
}

pub fn merge_groups(t: &Table) -> MergeRows<'_> {
    MergeRows { by: t.by_child() }
}

/// A date with its year replaced (`Timestamp.replace(year=…)`), 29 February becoming 28
/// February in a non-leap year (where pandas raises).
pub fn with_year(d: Date, year: i32) -> Option<Date> {
    Date::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| Date::from_ymd_opt(year, d.month(), d.day().saturating_sub(1)))
}

/// A missing value sorts last, as pandas sorts NaN/NaT.
pub fn nat_last<T: Ord>(a: &Option<T>, b: &Option<T>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Open or overlapping periods of one child (574 missing periods, 705 DoLOs): each child's
/// rows sorted by (end, or start when the end is not a date; start; input order), a row
/// is flagged when the row before it has no valid end or ends after this one starts.
pub fn flag_overlaps(cx: &Ctx, f: &mut Flags<T>, t: T, start: &str, end: &str) {
    let table = cx.t(t);
    let (s, e) = (table.col(start), table.col(end));
    for rows in table.by_child().values() {
        // (end or start, start, end, row)
        type Item = (Option<Date>, Option<Date>, Option<Date>, u32);
        let mut sorted: Vec<Item> = rows
            .iter()
            .map(|&r| {
                let (s, e) = (s.date(r as usize), e.date(r as usize));
                (e.or(s), s, e, r)
            })
            .collect();
        sorted.sort_by(|a, b| {
            nat_last(&a.0, &b.0)
                .then_with(|| nat_last(&a.1, &b.1))
                .then(a.3.cmp(&b.3))
        });
        for w in sorted.windows(2) {
            let (prev, cur) = (&w[0], &w[1]);
            let overlaps = matches!((cur.1, prev.2), (Some(s), Some(e)) if s < e);
            if prev.2.is_none() || overlaps {
                f.flag(t, cur.3 as usize);
            }
        }
    }
}

/// One period of care as 577/578/707 build it: consecutive episodes (by DECOM) of a child
/// where each starts no later than the one before ended.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    /// DECOM of the first episode.
    pub decom: Date,
    /// DEC of the last episode (none while open, or not a valid date).
    pub dec: Option<Date>,
}

/// Periods of care per merge key, from episodes with a valid DECOM. Episodes without a
/// CHILD each form a period of their own under "" (pandas: NaN != NaN starts a new one).
pub fn periods_of_care(eps: &Table) -> HashMap<&str, Vec<Period>> {
    let (decom, dec) = (eps.col("DECOM"), eps.col("DEC"));
    let mut out = HashMap::new();
    for (key, rows) in merge_groups(eps).iter() {
        let mut sorted: Vec<(Date, u32)> = rows
            .iter()
            .filter_map(|&r| decom.date(r as usize).map(|d| (d, r)))
            .collect();
        sorted.sort();
        let mut periods: Vec<Period> = Vec::new();
        let mut prev_dec: Option<Date> = None;
        for (i, &(start, r)) in sorted.iter().enumerate() {
            let end = dec.date(r as usize);
            let new = key.is_empty() || i == 0 || prev_dec.is_some_and(|p| start > p);
            match periods.last_mut() {
                Some(p) if !new => p.dec = end,
                _ => periods.push(Period {
                    decom: start,
                    dec: end,
                }),
            }
            prev_dec = end;
        }
        if !periods.is_empty() {
            out.insert(key, periods);
        }
    }
    out
}

/// 577 and 707: a period (missing, DoLO) with a valid start that lies outside every period
/// of care of its child: still open after care ended, open since before care started, or
/// ending after or before the period of care.
pub fn flag_open_after_care(cx: &Ctx, f: &mut Flags<T>, t: T, start: &str, end: &str) {
    let pocs = periods_of_care(cx.t(T::Episodes));
    let table = cx.t(t);
    let (s, e) = (table.col(start), table.col(end));
    for r in table.rows() {
        let Some(st) = s.date(r) else { continue };
        let en = e.date(r);
        let Some(periods) = pocs.get(merge_key(table, r)) else {
            continue;
        };
        let out = |p: &Period| {
            (en.is_none() && p.dec.is_some())
                || (en.is_none() && st < p.decom)
                || matches!((en, p.dec), (Some(en), Some(d)) if en > d)
                || en.is_some_and(|en| en < p.decom)
        };
        if periods.iter().all(out) {
            f.flag(t, r);
        }
    }
}

/// `rule_utils.valid_date`: a dd/mm/yyyy date where the day or month may be `ZZ` and the
/// year `ZZZZ` (2000); an unknown part takes the latest day it could be (a `ZZ` month
/// moves the date on a year less a day, a `ZZ` day a month less a day).
pub fn valid_date_zz(s: &str) -> Option<Date> {
    let parts: Vec<&str> = s.split('/').collect();
    let [d, m, y] = parts[..] else { return None };
    let mut offset = None;
    let d = if d == "ZZ" {
        offset = Some((0, 1));
        "01"
    } else if d == "ZZZZ" {
        "2000"
    } else {
        d
    };
    let m = if m == "ZZ" {
        offset = Some((1, 0));
        "01"
    } else if m == "ZZZZ" {
        "2000"
    } else {
        m
    };
    let y = if y == "ZZ" {
        offset = Some((1, 0));
        "01"
    } else if y == "ZZZZ" {
        "2000"
    } else {
        y
    };
    let date = crate::table::parse_dmy(&format!("{d}/{m}/{y}"))?;
    match offset {
        None => Some(date),
        Some((years, months)) => {
            let moved = model::calendar::add_months(date.naive(), years * 12 + months);
            Some(Date(moved).plus_days(-1))
        }
    }
}

/// The order numpy's `argsort(kind="quicksort")` (introsort, numpy 1.24) gives `n` items
/// compared by `less`; pandas' single-column `sort_values` uses it, so rows with equal
/// keys come out in this (not input) order.
pub fn numpy_argsort(n: usize, less: impl Fn(usize, usize) -> bool) -> Vec<usize> {
    const SMALL: usize = 15;
    let mut a: Vec<usize> = (0..n).collect();
    if n < 2 {
        return a;
    }
    let msb = (usize::BITS - 1 - n.leading_zeros()) as i64;
    let mut stack: Vec<(usize, usize, i64)> = Vec::new();
    let (mut pl, mut pr, mut cdepth) = (0usize, n - 1, msb * 2);
    loop {
        if cdepth < 0 {
            heapsort(&mut a[pl..=pr], &less);
        } else {
            while pr - pl > SMALL {
                let pm = pl + ((pr - pl) >> 1);
                if less(a[pm], a[pl]) {
                    a.swap(pm, pl);
                }
                if less(a[pr], a[pm]) {
                    a.swap(pr, pm);
                }
                if less(a[pm], a[pl]) {
                    a.swap(pm, pl);
                }
                let vp = a[pm];
                let mut pi = pl;
                let mut pj = pr - 1;
                a.swap(pm, pj);
                loop {
                    pi += 1;
                    while less(a[pi], vp) {
                        pi += 1;
                    }
                    pj -= 1;
                    while less(vp, a[pj]) {
                        pj -= 1;
                    }
                    if pi >= pj {
                        break;
                    }
                    a.swap(pi, pj);
                }
                a.swap(pi, pr - 1);
                cdepth -= 1;
                if pi - pl < pr - pi {
                    stack.push((pi + 1, pr, cdepth));
                    pr = pi - 1;
                } else {
                    stack.push((pl, pi - 1, cdepth));
                    pl = pi + 1;
                }
            }
            for pi in pl + 1..=pr {
                let vi = a[pi];
                let mut pj = pi;
                while pj > pl && less(vi, a[pj - 1]) {
                    a[pj] = a[pj - 1];
                    pj -= 1;
                }
                a[pj] = vi;
            }
        }
        match stack.pop() {
            Some((l, r, d)) => (pl, pr, cdepth) = (l, r, d),
            None => break,
        }
    }
    a
}

/// numpy's `aheapsort` on a slice of item numbers (1-based heap, as numpy writes it).
fn heapsort(s: &mut [usize], less: &impl Fn(usize, usize) -> bool) {
    let mut n = s.len();
    let at = |i: usize| i - 1;
    let mut l = n >> 1;
    while l > 0 {
        let tmp = s[at(l)];
        let (mut i, mut j) = (l, l << 1);
        while j <= n {
            if j < n && less(s[at(j)], s[at(j + 1)]) {
                j += 1;
            }
            if less(tmp, s[at(j)]) {
                s[at(i)] = s[at(j)];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        s[at(i)] = tmp;
        l -= 1;
    }
    while n > 1 {
        let tmp = s[at(n)];
        s[at(n)] = s[at(1)];
        n -= 1;
        let (mut i, mut j) = (1, 2);
        while j <= n {
            if j < n && less(s[at(j)], s[at(j + 1)]) {
                j += 1;
            }
            if less(tmp, s[at(j)]) {
                s[at(i)] = s[at(j)];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        s[at(i)] = tmp;
    }
}

/// pandas `nargsort` (single-column `sort_values`): the row order for `keys`, missing keys
/// last in input order, present keys by numpy's quicksort (descending sorts the reversed
/// items and reverses the result).
pub fn pandas_sort_order<K: Ord>(keys: &[Option<K>], ascending: bool) -> Vec<usize> {
    let (mut present, mut vals): (Vec<usize>, Vec<&K>) = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.as_ref().map(|k| (i, k)))
        .unzip();
    if !ascending {
        present.reverse();
        vals.reverse();
    }
    let order = numpy_argsort(vals.len(), |a, b| vals[a] < vals[b]);
    let mut out: Vec<usize> = order.into_iter().map(|i| present[i]).collect();
    if !ascending {
        out.reverse();
    }
    out.extend((0..keys.len()).filter(|&i| keys[i].is_none()));
    out
}

/// 709 and 710: for each DoLO with start and end given, the child's episodes it overlaps
/// (DoLO start on or before DEC, or DEC not a date; DoLO end on or after DECOM), dates read
/// day-first as the reference reads them; flags the DoLO and the episode when `bad(PLACE)`.
pub fn flag_dolo_placements(cx: &Ctx, f: &mut Flags<T>, bad: fn(Option<&str>) -> bool) {
    let (dolo, eps) = (cx.t(T::DoLo), cx.t(T::Episodes));
    let eps_by = merge_groups(eps);
    let (start, end) = (dolo.col("DOLO_START"), dolo.col("DOLO_END"));
    let (decom, dec, place) = (eps.col("DECOM"), eps.col("DEC"), eps.col("PLACE"));
    let day_first =
        |c: &Column, r: usize| c.date(r).or_else(|| c.str(r).and_then(parse_dayfirst_date));
    // each episode's (DECOM, DEC), parsed once
    let mut parsed: Vec<Option<(Option<Date>, Option<Date>)>> = vec![None; eps.len()];
    for d in dolo.rows() {
        if !(start.is_present(d) && end.is_present(d)) {
            continue;
        }
        let (s, e) = (day_first(start, d), day_first(end, d));
        for &r in eps_by.rows(merge_key(dolo, d)) {
            let r = r as usize;
            let Some(slot) = parsed.get_mut(r) else {
                continue;
            };
            let (began, ended) =
                *slot.get_or_insert_with(|| (day_first(decom, r), day_first(dec, r)));
            let before_end = match ended {
                None => true,
                Some(x) => s.is_some_and(|s| s <= x),
            };
            let after_start = matches!((e, began), (Some(e), Some(b)) if e >= b);
            if before_end && after_start && bad(place.str(r)) {
                f.flag(T::DoLo, d);
                f.flag(T::Episodes, r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zz_dates() {
        assert_eq!(valid_date_zz("ZZ/02/2020"), Some(Date::ymd(2020, 2, 29)));
        assert_eq!(valid_date_zz("ZZ/ZZ/2020"), Some(Date::ymd(2020, 12, 31)));
        assert_eq!(valid_date_zz("15/ZZ/2020"), Some(Date::ymd(2021, 1, 14)));
        assert_eq!(valid_date_zz("15/03/ZZZZ"), Some(Date::ymd(2000, 3, 15)));
        assert_eq!(valid_date_zz("15/03/2020"), Some(Date::ymd(2020, 3, 15)));
        assert_eq!(valid_date_zz("15/03"), None);
        assert_eq!(valid_date_zz("15/13/2020"), None);
    }

    #[test]
    fn dayfirst() {
        assert_eq!(
            parse_dayfirst_date("01/02/2025"),
            Some(Date::ymd(2025, 2, 1))
        );
        assert_eq!(
            parse_dayfirst_date("2025-01-02"),
            Some(Date::ymd(2025, 1, 2))
        );
        assert_eq!(
            parse_dayfirst_date("2025-13-01"),
            Some(Date::ymd(2025, 1, 13))
        );
        assert_eq!(
            parse_dayfirst_date("01/13/2025"),
            Some(Date::ymd(2025, 1, 13))
        );
        assert_eq!(parse_dayfirst_date("01.02.25"), Some(Date::ymd(2025, 2, 1)));
        assert_eq!(
            parse_dayfirst_date("13/01/2025 10:00"),
            Some(Date::ymd(2025, 1, 13))
        );
        assert_eq!(parse_dayfirst_date("32/01/2025"), None);
        assert_eq!(parse_dayfirst_date("foo"), None);
    }

    #[test]
    fn argsort_sorts() {
        let v: Vec<u32> = (0..200u32).map(|i| (i * 7919) % 13).collect();
        let o = numpy_argsort(v.len(), |a, b| v[a] < v[b]);
        assert!(o.windows(2).all(|w| v[w[0]] <= v[w[1]]));
        let mut seen = o.clone();
        seen.sort();
        assert_eq!(seen, (0..200).collect::<Vec<_>>());
    }

    /// Orders numpy 1.24 gave for `np.array(v, dtype=object).argsort(kind="quicksort")`.
    #[test]
    fn argsort_matches_numpy() {
        let cases: &[(&[usize], &[usize])] = &[
            (
                &[
                    3, 4, 0, 4, 2, 2, 3, 1, 4, 0, 1, 1, 2, 2, 0, 0, 0, 0, 0, 4, 0, 3, 3, 1, 1, 2,
                    1, 4, 0, 4, 3, 4, 0, 1, 3, 2, 3, 3, 3, 0,
                ],
                &[
                    39, 32, 20, 18, 17, 16, 15, 14, 9, 28, 2, 10, 11, 26, 7, 24, 23, 33, 25, 13, 4,
                    5, 35, 12, 37, 30, 34, 36, 0, 22, 21, 38, 6, 29, 31, 8, 3, 1, 27, 19,
                ],
            ),
            (
                &[
                    2, 1, 2, 0, 1, 2, 0, 0, 1, 2, 0, 2, 1, 0, 1, 2, 2, 2, 0, 0, 2, 2, 2, 0, 0, 1,
                    1, 1, 2, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 2, 1, 1, 0, 2, 2, 0, 0, 0, 0, 2, 1, 1,
                    0, 1, 2, 0, 2, 0, 0, 2, 2, 0, 2, 2, 1, 1, 2, 2, 2, 1, 0, 2, 0, 1, 2, 0, 0, 2,
                    0, 2, 2, 2, 1, 1, 2, 0, 1, 1, 1, 0, 0, 2, 2, 1, 2, 1, 0, 2, 0, 0,
                ],
                &[
                    99, 32, 34, 35, 37, 38, 85, 42, 45, 46, 47, 48, 98, 52, 55, 57, 58, 61, 78, 76,
                    75, 70, 31, 29, 36, 72, 13, 7, 6, 18, 10, 19, 90, 96, 89, 23, 3, 24, 64, 65,
                    69, 8, 82, 53, 95, 51, 50, 1, 4, 25, 14, 26, 27, 87, 30, 88, 86, 12, 73, 40,
                    41, 93, 83, 80, 79, 92, 81, 77, 97, 74, 84, 91, 94, 0, 68, 2, 5, 9, 11, 15, 16,
                    17, 20, 21, 22, 28, 33, 39, 43, 44, 54, 56, 59, 60, 62, 63, 66, 67, 71, 49,
                ],
            ),
            (
                &[
                    3, 7, 3, 15, 16, 7, 0, 14, 2, 12, 3, 18, 13, 19, 12, 14, 7, 16, 2, 3, 7, 14, 9,
                    16, 18, 8, 8, 11, 12, 9, 12, 19, 14, 6, 8, 8, 3, 0, 15, 8, 7, 12, 11, 18, 12,
                    18, 11, 6, 6, 19, 11, 3, 16, 16, 0, 3, 13, 8, 6, 1, 3, 17, 16, 16, 11, 2, 6,
                    10, 19, 5, 10, 9, 10, 11, 14, 2, 19, 17, 15, 5, 8, 8, 6, 1, 14, 0, 15, 3, 12,
                    6, 4, 18, 9, 17, 3, 9, 6, 9, 0, 13, 6, 17, 4, 6, 0, 15, 10, 7, 18, 11, 19, 14,
                    11, 10, 4, 13, 15, 13, 8, 0, 14, 0, 16, 2, 6, 4, 10, 4, 5, 0, 19, 4, 3, 12, 2,
                    17, 15, 6, 8, 7, 14, 8, 5, 13, 2, 15, 8, 18, 5, 7, 17, 14, 0, 6, 0, 16, 8, 4,
                    14, 17, 2, 10, 7, 14, 18, 10, 14, 6, 11, 9, 14, 1, 4, 0, 19, 10, 9, 9, 0, 16,
                    16, 0, 12, 11, 7, 9, 17, 11, 9, 14, 13, 10, 16, 11, 12, 9, 11, 12, 17, 4, 7,
                    11, 6, 13, 16, 3, 1, 19, 10, 14, 15, 19, 0, 5, 19, 8, 7, 5, 0, 0, 19, 0, 2, 4,
                    5, 17, 6, 3, 7, 13, 8, 4, 2, 1, 9, 3, 11, 13, 7, 10, 1, 10, 3, 9, 2, 5, 8, 9,
                    0, 18, 8, 4, 3, 14, 8, 5, 9, 3, 3, 6, 19, 1, 10, 18, 9, 7, 11, 3, 13, 0, 11, 1,
                    0, 4, 14, 8, 8, 12, 1, 19, 9, 17, 15, 4, 6, 12, 16, 18, 9, 2, 19, 17, 14, 7, 2,
                    15, 4, 6, 17, 12,
                ],
                &[
                    181, 98, 248, 152, 85, 154, 221, 104, 219, 218, 37, 269, 272, 178, 129, 119, 6,
                    54, 212, 173, 121, 278, 271, 171, 240, 59, 261, 83, 206, 233, 222, 65, 75, 232,
                    160, 144, 18, 123, 244, 134, 294, 289, 8, 2, 205, 60, 10, 55, 267, 235, 51, 36,
                    87, 94, 242, 227, 19, 252, 0, 257, 258, 132, 127, 125, 90, 172, 131, 157, 102,
                    114, 283, 199, 251, 296, 231, 273, 223, 128, 255, 245, 142, 69, 148, 224, 213,
                    217, 79, 82, 297, 103, 259, 66, 100, 202, 58, 137, 284, 47, 33, 167, 124, 89,
                    48, 226, 153, 96, 293, 184, 139, 228, 162, 216, 200, 265, 238, 149, 16, 40, 1,
                    20, 107, 5, 34, 81, 80, 276, 146, 141, 138, 275, 254, 26, 25, 57, 35, 118, 39,
                    230, 250, 156, 246, 215, 188, 29, 185, 264, 243, 22, 176, 169, 256, 234, 247,
                    195, 71, 177, 97, 95, 288, 92, 280, 67, 191, 208, 262, 70, 106, 72, 175, 126,
                    239, 161, 241, 165, 113, 112, 187, 201, 193, 46, 183, 27, 42, 236, 196, 168,
                    266, 73, 50, 109, 64, 270, 30, 133, 28, 285, 44, 41, 197, 299, 194, 182, 9, 14,
                    277, 88, 99, 12, 268, 237, 56, 229, 117, 143, 190, 203, 115, 166, 120, 15, 163,
                    32, 158, 111, 151, 74, 170, 274, 292, 7, 209, 140, 253, 189, 21, 84, 295, 282,
                    3, 116, 38, 86, 136, 105, 145, 78, 210, 179, 17, 286, 204, 63, 62, 23, 53, 52,
                    4, 155, 122, 192, 180, 281, 159, 77, 186, 198, 150, 135, 61, 101, 291, 225, 93,
                    298, 11, 287, 147, 108, 43, 249, 164, 45, 263, 24, 91, 31, 110, 49, 130, 220,
                    214, 279, 211, 68, 260, 174, 76, 13, 290, 207,
                ],
            ),
            (
                &[0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0],
                &[0, 14, 13, 9, 15, 6, 8, 4, 3, 2, 1, 5, 16, 7, 10, 11, 12],
            ),
        ];
        for (v, want) in cases {
            assert_eq!(numpy_argsort(v.len(), |a, b| v[a] < v[b]), want.to_vec());
        }
    }
}
