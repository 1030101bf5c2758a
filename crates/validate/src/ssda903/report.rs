//! A 903 validation run's findings, in the shared report form.

use super::{Ctx, Rule, T};
use crate::engine::Outcome;
use crate::report::{Cells, Place};

pub use crate::report::{Issue, RuleSummary};

pub type Report<'a> = crate::report::Report<'a>;

crate::report::rule_info!(Rule);

impl Cells for Ctx<'_> {
    fn cell(&self, table: u16, row: u32, column: &str) -> Option<&str> {
        let t = T::ALL.get(table as usize)?;
        Some(self.t(*t).try_col(column)?.text(row as usize))
    }

    /// As the DfE tool: an episode's start, a missing episode's start, a review's date.
    fn locators(&self) -> &'static [&'static str] {
        &["DECOM", "MIS_START", "REVIEW"]
    }
}

/// Collects a run's outcomes into a report.
pub fn build<'a>(cx: &Ctx<'a>, outcomes: Vec<(&'static Rule, Outcome<T>)>) -> Report<'a> {
    Report::build(cx.year, outcomes, |t, row| Place {
        table: t.name(),
        key: t as u16,
        row_id: Some(row),
        child_id: cx.t(t).col("CHILD").text(row as usize),
    })
}

/// Validates tables for a year: every rule of the pack, in parallel.
pub fn validate<'a>(cx: &Ctx<'a>) -> Report<'a> {
    build(cx, super::run_pack(cx))
}
