//! Small helpers 903 rules share: ages, per-child lookups, code lists.

use super::{Ctx, T};
use crate::table::Table;
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

mod h1;
mod h2;
mod h3;
mod h4;
mod h5;
mod h6;
#[allow(unused_imports)]
pub use {h1::*, h2::*, h3::*, h4::*, h5::*, h6::*};
