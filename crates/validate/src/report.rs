//! A validation run's findings, the same for every return: one issue per flagged row (or per
//! return-level finding), and the summaries the DfE's tools give, per rule and per child.

use crate::engine::{code_order, Outcome, RuleType};
use std::io::Write;

/// What a report needs to know about a rule.
pub trait RuleInfo {
    fn code(&self) -> &'static str;
    fn rule_type(&self) -> RuleType;
    /// The DfE's message, verbatim.
    fn message(&self) -> &'static str;
    /// The fields the DfE lists as affected.
    fn fields(&self) -> &'static [&'static str];
}

/// `RuleInfo` for a return's rule struct, whose fields carry the same names.
macro_rules! rule_info {
    ($rule:ty) => {
        impl $crate::report::RuleInfo for $rule {
            fn code(&self) -> &'static str {
                self.code
            }
            fn rule_type(&self) -> $crate::engine::RuleType {
                self.rule_type
            }
            fn message(&self) -> &'static str {
                self.message
            }
            fn fields(&self) -> &'static [&'static str] {
                self.fields
            }
        }
    };
}
pub(crate) use rule_info;

/// Where a flagged location is, as the report shows it.
pub struct Place<'a> {
    /// The validator's table name; `LA` for a finding about the return as a whole.
    pub table: &'static str,
    /// The return's own key for the table, handed back to `Cells`.
    pub key: u16,
    /// 0-based row in its table, header excluded; `None` for the return as a whole.
    pub row_id: Option<u32>,
    /// "" when the row has no child ID, or for the return as a whole.
    pub child_id: &'a str,
}

/// Reads a flagged row's cells back, for the child summary's values.
pub trait Cells {
    /// The cell's text ("" when blank); `None` when the table has no such column. `table`
    /// is the key the return gave in `Place`.
    fn cell(&self, table: u16, row: u32, column: &str) -> Option<&str>;

    /// Columns that help find a row in the case-management system (the DfE tool's
    /// "locator hints"), shown whether or not the rule names them.
    fn locators(&self) -> &'static [&'static str] {
        &[]
    }
}

/// One flagged row, or a return-level finding.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issue<'a> {
    pub rule_code: &'static str,
    pub rule_type: &'static str,
    pub table: &'static str,
    #[serde(skip)]
    pub table_key: u16,
    pub row_id: Option<u32>,
    pub child_id: &'a str,
    /// The rule's affected fields (written `;`-separated).
    #[serde(serialize_with = "joined")]
    pub columns: &'static [&'static str],
    pub message: &'static str,
}

fn joined<S: serde::Serializer>(v: &&'static [&'static str], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.join(";"))
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Report<'a> {
    pub year: String,
    pub rules_run: usize,
    /// In DfE code order, then table, then row.
    pub issues: Vec<Issue<'a>>,
    /// Rules not run for want of a table, with the reason.
    pub skipped: Vec<(String, String)>,
    /// Rules that failed; never expected, reported rather than hidden.
    pub failed: Vec<(String, String)>,
}

/// Per-rule totals, in DfE code order.
#[derive(Debug, serde::Serialize)]
pub struct RuleSummary {
    pub code: &'static str,
    pub rule_type: &'static str,
    pub count: usize,
    pub message: &'static str,
    pub fields: String,
}

impl<'a> Report<'a> {
    /// Collects the outcomes of a run; `place` says where a flagged location is.
    pub fn build<R: RuleInfo, L: Copy>(
        year: u16,
        mut outcomes: Vec<(&R, Outcome<L>)>,
        place: impl Fn(L, u32) -> Place<'a>,
    ) -> Report<'a> {
        outcomes.sort_by(|a, b| code_order(a.0.code(), b.0.code()));
        let mut report = Report {
            year: crate::engine::year_label(year),
            rules_run: outcomes.len(),
            ..Report::default()
        };
        let flagged = outcomes.iter().map(|(_, o)| match o {
            Outcome::Flagged(rows) => rows.len(),
            _ => 0,
        });
        report.issues.reserve_exact(flagged.sum());
        for (rule, outcome) in outcomes {
            match outcome {
                Outcome::Skipped(why) => report.skipped.push((rule.code().into(), why)),
                Outcome::Failed(why) => report.failed.push((rule.code().into(), why)),
                Outcome::Flagged(rows) => {
                    let first = report.issues.len();
                    report.issues.extend(rows.into_iter().map(|(loc, row)| {
                        let p = place(loc, row);
                        Issue {
                            rule_code: rule.code(),
                            rule_type: rule.rule_type().as_str(),
                            table: p.table,
                            table_key: p.key,
                            row_id: p.row_id,
                            child_id: p.child_id,
                            columns: rule.fields(),
                            message: rule.message(),
                        }
                    }));
                    // Rules are in code order already; within one, by table name and row.
                    report.issues[first..].sort_unstable_by_key(|i| (i.table, i.row_id));
                }
            }
        }
        report
    }

    /// Rules run, less those skipped or failed.
    pub fn rules_completed(&self) -> usize {
        self.rules_run - self.skipped.len() - self.failed.len()
    }

    pub fn rule_summary(&self) -> Vec<RuleSummary> {
        let mut out: Vec<RuleSummary> = Vec::new();
        // Issues are sorted by code, so each rule's issues are consecutive.
        for i in &self.issues {
            match out.last_mut() {
                Some(s) if s.code == i.rule_code => s.count += 1,
                _ => out.push(RuleSummary {
                    code: i.rule_code,
                    rule_type: i.rule_type,
                    count: 1,
                    message: i.message,
                    fields: i.columns.join(", "),
                }),
            }
        }
        out
    }

    pub fn write_issues_csv(&self, out: impl Write) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "rule_code",
            "rule_type",
            "table",
            "row_id",
            "child_id",
            "columns",
            "message",
        ])?;
        let mut row = String::new();
        let mut columns = String::new();
        for i in &self.issues {
            row.clear();
            if let Some(r) = i.row_id {
                use std::fmt::Write;
                let _ = write!(row, "{r}");
            }
            join_into(&mut columns, i.columns, ";");
            w.write_record([
                i.rule_code,
                i.rule_type,
                i.table,
                &row,
                i.child_id,
                &columns,
                i.message,
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    pub fn write_error_summary_csv(&self, out: impl Write) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(ERROR_SUMMARY_COLUMNS)?;
        self.error_summary_rows(|r| w.write_record(r))?;
        w.flush()?;
        Ok(())
    }

    /// The error summary's rows, as written to CSV: one per rule that flagged anything.
    pub fn error_summary_rows<E>(
        &self,
        mut row: impl FnMut([&str; 5]) -> Result<(), E>,
    ) -> Result<(), E> {
        for s in self.rule_summary() {
            row([
                s.code,
                s.rule_type,
                &s.count.to_string(),
                s.message,
                &s.fields,
            ])?;
        }
        Ok(())
    }

    /// One line per child, table, row and rule, sorted by child, with the flagged values:
    /// what a caseworker fixes. Return-level findings come first, with no child.
    pub fn write_child_summary_csv(
        &self,
        cells: &(impl Cells + ?Sized),
        out: impl Write,
    ) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(CHILD_SUMMARY_COLUMNS)?;
        self.child_summary_rows(cells, |r| w.write_record(r))?;
        w.flush()?;
        Ok(())
    }

    /// How many children have at least one issue (an issue on a row without a child id is
    /// not a child's).
    pub fn children(&self) -> usize {
        let ids: hashbrown::HashSet<&str> = self
            .issues
            .iter()
            .filter(|i| !i.child_id.is_empty())
            .map(|i| i.child_id)
            .collect();
        ids.len()
    }

    /// The child summary's rows, as written to CSV (see `write_child_summary_csv`).
    pub fn child_summary_rows<E>(
        &self,
        cells: &(impl Cells + ?Sized),
        mut row: impl FnMut([&str; 11]) -> Result<(), E>,
    ) -> Result<(), E> {
        use std::fmt::Write;
        let of_type: hashbrown::HashMap<&str, String> = self
            .rule_summary()
            .into_iter()
            .map(|s| (s.code, s.count.to_string()))
            .collect();
        // Stable, so each row's rules stay in code order; on every core, as nothing can be
        // written before it ends (at 100,000 children it sorts some 660,000 issues).
        let mut order: Vec<&Issue> = self.issues.iter().collect();
        {
            use rayon::slice::ParallelSliceMut;
            order.par_sort_by_key(|i| (i.child_id, i.table, i.row_id));
        }
        let [mut row_id, mut fields, mut values, mut hints, mut count] =
            std::array::from_fn(|_| String::new());
        for group in order.chunk_by(|a, b| a.child_id == b.child_id) {
            count.clear();
            let _ = write!(count, "{}", group.len());
            for i in group {
                row_id.clear();
                if let Some(r) = i.row_id {
                    let _ = write!(row_id, "{r}");
                }
                labelled_values(&mut values, cells, i, i.columns);
                labelled_values(&mut hints, cells, i, cells.locators());
                join_into(&mut fields, i.columns, ", ");
                row([
                    i.child_id,
                    i.table,
                    &row_id,
                    i.rule_code,
                    i.rule_type,
                    i.message,
                    &fields,
                    &values,
                    &hints,
                    &count,
                    of_type.get(i.rule_code).map_or("", String::as_str),
                ])?;
            }
        }
        Ok(())
    }
}

pub const ERROR_SUMMARY_COLUMNS: [&str; 5] = ["code", "rule_type", "count", "message", "fields"];
/// As the DfE tool's child summary: the flagged row's values of the rule's fields, its
/// locator hints, the child's issue count and the rule's.
pub const CHILD_SUMMARY_COLUMNS: [&str; 11] = [
    "child_id",
    "table",
    "row_id",
    "rule_code",
    "rule_type",
    "message",
    "fields",
    "values",
    "locator_hints",
    "errors_for_child",
    "errors_of_type",
];

/// "FIELD: value, ..." for the columns of the issue's row that its table has.
fn labelled_values(
    buf: &mut String,
    cells: &(impl Cells + ?Sized),
    issue: &Issue,
    columns: &[&str],
) {
    use std::fmt::Write;
    buf.clear();
    let Some(r) = issue.row_id else { return };
    for c in columns {
        if let Some(v) = cells.cell(issue.table_key, r, c) {
            if !buf.is_empty() {
                buf.push_str(", ");
            }
            let _ = write!(buf, "{c}: {v}");
        }
    }
}

fn join_into(buf: &mut String, parts: &[&str], sep: &str) {
    buf.clear();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            buf.push_str(sep);
        }
        buf.push_str(p);
    }
}
