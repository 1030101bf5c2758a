//! Helpers shared by CIN rules: typed cell access and the validator's common joins.

use super::{Ctx, Hits, T};
use hashbrown::HashMap;
use model::Date;

/// The cell as a date (`yyyy-mm-dd`); `None` when missing or not a date, as `NaT`.
pub fn date(cx: &Ctx, t: T, col: &str, row: usize) -> Option<Date> {
    cx.t(t).col(col).iso_date(row)
}

/// The cell's text; `None` when missing.
pub fn text<'a>(cx: &Ctx<'a>, t: T, col: &str, row: usize) -> Option<&'a str> {
    cx.t(t).col(col).str(row)
}

/// Every row of `t` whose `col` is missing.
pub fn flag_missing(cx: &Ctx, h: &mut Hits, t: T, col: &str) {
    let c = cx.t(t).col(col);
    for r in cx.t(t).rows() {
        if !c.is_present(r) {
            h.flag(t, r);
        }
    }
}

/// Rows of `t` (carrying `LAchildID` and `CINdetailsID`) whose `col` date is before the
/// `CINreferralDate` of their CIN episode: flags the row and the episode's CINdetails row,
/// as the validator's left merge on child and episode does.
pub fn before_referral(cx: &Ctx, h: &mut Hits, t: T, col: &str) {
    let tab = cx.t(t);
    let (child, id, d) = (tab.col("LAchildID"), tab.col("CINdetailsID"), tab.col(col));
    let refs = cx.t(T::CinDetails).col("CINreferralDate");
    for r in tab.rows() {
        let Some(d) = d.iso_date(r) else { continue };
        let (c, i) = (child.text(r), id.text(r));
        for &dr in cx.details_rows(c, i) {
            if refs
                .iso_date(dr as usize)
                .is_some_and(|referral| d < referral)
            {
                h.flag(t, r);
                h.flag(T::CinDetails, dr as usize);
            }
        }
    }
}

/// Values appearing on more than one row of `t` (missing values ignored): flags all of
/// them, as `duplicated(keep=False)`.
pub fn flag_duplicates(cx: &Ctx, h: &mut Hits, t: T, col: &str) {
    let c = cx.t(t).col(col);
    let mut seen: hashbrown::HashMap<&str, Vec<usize>> = Default::default();
    for r in cx.t(t).rows() {
        if let Some(v) = c.str(r) {
            seen.entry(v).or_default().push(r);
        }
    }
    for rows in seen.values().filter(|v| v.len() > 1) {
        for &r in rows {
            h.flag(t, r);
        }
    }
}

/// Characters `from..to` (by character, as Python slices; clamped to the length).
pub fn chars(s: &str, from: usize, to: usize) -> String {
    s.chars().skip(from).take(to.saturating_sub(from)).collect()
}

/// Python's `str.isdigit()` for ASCII text: non-empty and all digits.
pub fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

/// Rows of `t` whose `col` is present and matches `bad`.
pub fn flag_where(cx: &Ctx, h: &mut Hits, t: T, col: &str, bad: impl Fn(&str) -> bool) {
    let c = cx.t(t).col(col);
    for r in cx.t(t).rows() {
        if c.str(r).is_some_and(&bad) {
            h.flag(t, r);
        }
    }
}

/// Rows of `t` by CIN episode (`LAchildID`, `CINdetailsID`), for joins on both; a missing
/// value is the key "" (pandas merges match missing with missing).
pub fn by_episode<'a>(cx: &Ctx<'a>, t: T) -> HashMap<(&'a str, &'a str), Vec<usize>> {
    let tab = cx.t(t);
    let (c, i) = (tab.col("LAchildID"), tab.col("CINdetailsID"));
    let mut m: HashMap<(&'a str, &'a str), Vec<usize>> = HashMap::new();
    for r in tab.rows() {
        m.entry((c.text(r), i.text(r))).or_default().push(r);
    }
    m
}

/// Rows of `t` whose date `col` lies in the census period.
pub fn rows_in_period(cx: &Ctx, t: T, col: &str) -> Vec<usize> {
    let c = cx.t(t).col(col);
    cx.t(t)
        .rows()
        .filter(|&r| c.iso_date(r).is_some_and(|d| cx.in_period(d)))
        .collect()
}

/// Rows of CINplanDates whose date `col` is after the child's PersonDeathDate: flags the
/// plan and the child's identifiers row (joined on LAchildID).
pub fn after_death(cx: &Ctx, h: &mut Hits, col: &str) {
    let ids = cx.t(T::ChildIdentifiers);
    let death = ids.col("PersonDeathDate");
    let plans = cx.t(T::CinPlanDates).col(col);
    for r in ids.rows() {
        let Some(died) = death.iso_date(r) else {
            continue;
        };
        for &p in cx.rows_of(T::CinPlanDates, ids.col("LAchildID").text(r)) {
            if plans.iso_date(p as usize).is_some_and(|d| died < d) {
                h.flag(T::ChildIdentifiers, r);
                h.flag(T::CinPlanDates, p as usize);
            }
        }
    }
}

/// A date on row `r` of `t`, for the closures below.
fn d(cx: &Ctx, t: T, col: &str, r: usize) -> Option<Date> {
    cx.t(t).col(col).iso_date(r)
}

/// Rows of `a` whose `a_start` falls within a period of `b` of the same child (another row
/// when `a` and `b` are the same table): on or after `b_start`, and before `b_end` (or on
/// it, when `end_inclusive`), or, when `b_end` is missing, on or before the reference
/// date. Flags both rows of every such pair. The validator's overlap checks (4014, 4016,
/// 4017) all have this shape.
#[allow(clippy::too_many_arguments)]
pub fn starts_during(
    cx: &Ctx,
    h: &mut Hits,
    a: T,
    a_start: &str,
    b: T,
    b_start: &str,
    b_end: &str,
    end_inclusive: bool,
) {
    let child = cx.t(a).col("LAchildID");
    for r in cx.t(a).rows() {
        let Some(s) = d(cx, a, a_start, r) else {
            continue;
        };
        for &q in cx.rows_of(b, child.text(r)) {
            let q = q as usize;
            if a == b && q == r {
                continue;
            }
            let Some(bs) = d(cx, b, b_start, q) else {
                continue;
            };
            let open = match d(cx, b, b_end, q) {
                Some(e) => s < e || (end_inclusive && s == e),
                None => cx.reference.is_some_and(|rd| s <= rd),
            };
            if s >= bs && open {
                h.flag(a, r);
                h.flag(b, q);
            }
        }
    }
}

/// Rows of `t` where both dates are valid and `bad(first, second)` holds.
pub fn flag_dates(
    cx: &Ctx,
    h: &mut Hits,
    t: T,
    first: &str,
    second: &str,
    bad: impl Fn(Date, Date) -> bool,
) {
    let (a, b) = (cx.t(t).col(first), cx.t(t).col(second));
    for r in cx.t(t).rows() {
        if let (Some(x), Some(y)) = (a.iso_date(r), b.iso_date(r)) {
            if bad(x, y) {
                h.flag(t, r);
            }
        }
    }
}

/// Rows of `t` whose `col` is missing or not one of `codes` (compared exactly).
pub fn flag_not_in(cx: &Ctx, h: &mut Hits, t: T, col: &str, codes: &[&str]) {
    let c = cx.t(t).col(col);
    for r in cx.t(t).rows() {
        if !c.str(r).is_some_and(|v| codes.contains(&v)) {
            h.flag(t, r);
        }
    }
}

/// Rows of `t` whose date `col` is present but outside the census period (all of them
/// when the reference date is missing: the validator's comparisons with NaT fail).
pub fn flag_outside_period(cx: &Ctx, h: &mut Hits, t: T, col: &str) {
    let c = cx.t(t).col(col);
    for r in cx.t(t).rows() {
        if c.iso_date(r).is_some_and(|d| !cx.in_period(d)) {
            h.flag(t, r);
        }
    }
}
