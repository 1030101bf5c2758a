//! The shapes most 903 rules take, declared as data; `Check::Custom` is for the rest.

use super::{Ctx, T};
use crate::engine::Flags;

pub enum Check {
    /// Logic that needs a function.
    Custom(fn(&Ctx, &mut Flags<T>)),
    /// A value that is not a `dd/mm/yyyy` date; missing is flagged unless `blank_ok`.
    ValidDate {
        table: T,
        column: &'static str,
        blank_ok: bool,
    },
    /// A value outside `codes` (compared exactly, as the validator does); missing is flagged unless
    /// `blank_ok`.
    CodeIn {
        table: T,
        column: &'static str,
        codes: &'static [&'static str],
        blank_ok: bool,
    },
    /// A missing value.
    Required { table: T, column: &'static str },
    /// Both dates valid and `later` before `earlier` (or equal, unless `equal_ok`).
    DateOrder {
        table: T,
        earlier: &'static str,
        later: &'static str,
        equal_ok: bool,
    },
}

impl Check {
    pub fn run(&self, cx: &Ctx, f: &mut Flags<T>) {
        match *self {
            Check::Custom(check) => check(cx, f),
            Check::ValidDate {
                table,
                column,
                blank_ok,
            } => {
                let col = cx.t(table).col(column);
                for r in cx.t(table).rows() {
                    if col.date(r).is_none() && (col.is_present(r) || !blank_ok) {
                        f.flag(table, r);
                    }
                }
            }
            Check::CodeIn {
                table,
                column,
                codes,
                blank_ok,
            } => {
                let col = cx.t(table).col(column);
                for r in cx.t(table).rows() {
                    let bad = match col.str(r) {
                        Some(v) => !codes.contains(&v),
                        None => !blank_ok,
                    };
                    if bad {
                        f.flag(table, r);
                    }
                }
            }
            Check::Required { table, column } => {
                let col = cx.t(table).col(column);
                for r in cx.t(table).rows() {
                    if !col.is_present(r) {
                        f.flag(table, r);
                    }
                }
            }
            Check::DateOrder {
                table,
                earlier,
                later,
                equal_ok,
            } => {
                let (a, b) = (cx.t(table).col(earlier), cx.t(table).col(later));
                for r in cx.t(table).rows() {
                    if let (Some(a), Some(b)) = (a.date(r), b.date(r)) {
                        if b < a || (b == a && !equal_ok) {
                            f.flag(table, r);
                        }
                    }
                }
            }
        }
    }

    /// A short name for listings.
    pub fn pattern(&self) -> &'static str {
        match self {
            Check::Custom(_) => "custom",
            Check::ValidDate { .. } => "valid_date",
            Check::CodeIn { .. } => "code_in_list",
            Check::Required { .. } => "required",
            Check::DateOrder { .. } => "date_order",
        }
    }
}
