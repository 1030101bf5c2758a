//! Small helpers 903 rules share: ages, per-child lookups, code lists.

use super::{Ctx, T};
use crate::engine::Flags;
use crate::table::Table;
use hashbrown::HashSet;
use model::Date;

/// Whole years between `dob` and `on` (birthday rule: age rises on the birthday).
pub fn age_on(dob: Date, on: Date) -> i32 {
    model::calendar::age_in_years(dob.naive(), on.naive())
}

/// The first row of `table` for a child, if any.
pub fn first_row(table: &Table, child: &str) -> Option<usize> {
    table.rows_of(child).first().map(|&r| r as usize)
}

/// The child's date of birth from the Header (first Header row for the child).
pub fn header_dob(cx: &Ctx, child: &str) -> Option<Date> {
    let h = cx.t(T::Header);
    first_row(h, child).and_then(|r| h.col("DOB").date(r))
}

/// `date + pd.DateOffset(years=n)`: the same day `n` years on, 29 February clamped to
/// 28 February; `None` only outside chrono's range (never for a four-digit year).
pub fn plus_years(d: Date, years: i32) -> Option<Date> {
    let y = d.year().checked_add(years)?;
    Date::from_ymd_opt(y, d.month(), d.day()).or_else(|| Date::from_ymd_opt(y, d.month(), 28))
}

/// Children continuously looked after for the 12 months to the collection end, as the
/// validator's `add_col_to_episodes_CONTINUOUSLY_LOOKED_AFTER` decides it: an episode open
/// during the year, and no episode that starts a period of care (RNE S) after the start,
/// ends one (REC other than X1) from the start to the day before the end, or is a V3/V4
/// short break during the year. Children without episodes are not.
/// Computed once per run (`Ctx` caches it): six rules use it.
pub fn cla_children<'a, 'c>(cx: &'c Ctx<'a>) -> &'c HashSet<&'a str> {
    cx.cla_children
        .get_or_init(|| continuously_looked_after_all(cx))
}

fn continuously_looked_after_all<'a>(cx: &Ctx<'a>) -> HashSet<&'a str> {
    let eps = cx.t(T::Episodes);
    let (decom, dec) = (eps.col("DECOM"), eps.col("DEC"));
    let (rne, rec, ls) = (eps.col("RNE"), eps.col("REC"), eps.col("LS"));
    let (start, end) = (cx.start, cx.end);
    let mut out = HashSet::new();
    for (child, rows) in eps.by_child() {
        let mut during_any = false;
        let mut breaks = false;
        for &r in rows {
            let r = r as usize;
            let (b, e) = (decom.date(r), dec.date(r));
            let during = b.is_some_and(|b| b <= end) && e.is_none_or(|e| e >= start);
            let enters = rne.str(r) == Some("S") && b.is_some_and(|b| b > start && b <= end);
            let leaves = rec.str(r) != Some("X1") && e.is_some_and(|e| e >= start && e < end);
            let short = matches!(ls.str(r), Some("V3" | "V4")) && during;
            during_any |= during;
            breaks |= enters || leaves || short;
        }
        if during_any && !breaks {
            out.insert(child);
        }
    }
    out
}

/// Flags every row of `table` for which `bad(table, row)` holds.
pub fn flag_where(cx: &Ctx, f: &mut Flags<T>, table: T, bad: impl Fn(&Table, usize) -> bool) {
    let t = cx.t(table);
    for r in t.rows() {
        if bad(t, r) {
            f.flag(table, r);
        }
    }
}

mod h1;
mod h2;
mod h3;
mod h4;
mod h5;
mod h6;
#[allow(unused_imports)]
pub use {h1::*, h2::*, h3::*, h4::*, h5::*, h6::*};
