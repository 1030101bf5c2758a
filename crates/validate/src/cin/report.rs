//! A CIN validation run's findings, in the shared report form: a return-level finding has
//! table `LA`, no row and no child.

use super::{Ctx, Loc, Rule, T};
use crate::engine::Outcome;
use crate::report::{Cells, Place};

pub use crate::report::{Issue, RuleSummary};

pub type Report<'a> = crate::report::Report<'a>;

crate::report::rule_info!(Rule);

impl Cells for Ctx<'_> {
    fn cell(&self, table: u16, row: u32, column: &str) -> Option<&str> {
        let tab = self.t(*T::ALL.get(table as usize)?);
        Some(tab.try_col(column)?.text(row as usize))
    }
}

/// Collects a run's outcomes into a report.
pub fn build<'a>(cx: &Ctx<'a>, outcomes: Vec<(&'static Rule, Outcome<Loc>)>) -> Report<'a> {
    Report::build(cx.year, outcomes, |loc, row| match loc {
        Some(t) => {
            let tab = cx.t(t);
            Place {
                table: t.name(),
                key: t as u16,
                row_id: Some(row),
                child_id: tab.col(tab.child_column()).text(row as usize),
            }
        }
        None => Place {
            table: "LA",
            key: u16::MAX,
            row_id: None,
            child_id: "",
        },
    })
}

/// Validates a return for a year: every rule of the pack, in parallel.
pub fn validate<'a>(cx: &Ctx<'a>) -> Report<'a> {
    build(cx, super::run_pack(cx))
}
