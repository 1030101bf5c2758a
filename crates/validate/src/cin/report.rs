//! A CIN validation run's findings: one issue per flagged row (or per return-level
//! finding), and the summaries per rule and per child.

use super::{Ctx, Loc, Rule};
use crate::engine::{code_order, Outcome};
use std::collections::BTreeMap;
use std::io::Write;

/// One flagged row, or a return-level finding (`table`, `row_id` and `child_id` empty).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Issue {
    pub rule_code: &'static str,
    pub rule_type: &'static str,
    /// "" for a return-level finding.
    pub table: &'static str,
    /// 0-based index of the row in its table (XML document order); `None` for the return.
    pub row_id: Option<u32>,
    pub child_id: String,
    /// The rule's affected fields, `;`-separated.
    pub columns: String,
    pub message: &'static str,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub year: String,
    pub rules_run: usize,
    pub issues: Vec<Issue>,
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

impl Report {
    pub fn build(cx: &Ctx, outcomes: Vec<(&'static Rule, Outcome<Loc>)>) -> Report {
        let mut report = Report {
            year: crate::engine::year_label(cx.year),
            rules_run: outcomes.len(),
            ..Report::default()
        };
        for (rule, outcome) in outcomes {
            match outcome {
                Outcome::Skipped(why) | Outcome::Failed(why) => {
                    report.failed.push((rule.code.into(), why))
                }
                Outcome::Flagged(rows) => {
                    for (t, row) in rows {
                        let child = t
                            .map(|t| {
                                let tab = cx.t(t);
                                tab.col(tab.child_column()).text(row as usize).to_string()
                            })
                            .unwrap_or_default();
                        report.issues.push(Issue {
                            rule_code: rule.code,
                            rule_type: rule.rule_type.as_str(),
                            table: t.map_or("", |t| t.name()),
                            row_id: t.map(|_| row),
                            child_id: child,
                            columns: rule.fields.join(";"),
                            message: rule.message,
                        });
                    }
                }
            }
        }
        report.issues.sort_by(|a, b| {
            code_order(a.rule_code, b.rule_code)
                .then(a.table.cmp(b.table))
                .then(a.row_id.cmp(&b.row_id))
        });
        report
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
                    fields: i.columns.replace(';', ", "),
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
        for i in &self.issues {
            w.write_record([
                i.rule_code,
                i.rule_type,
                i.table,
                &i.row_id.map(|r| r.to_string()).unwrap_or_default(),
                &i.child_id,
                &i.columns,
                i.message,
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    pub fn write_error_summary_csv(&self, out: impl Write) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(["code", "rule_type", "count", "message", "fields"])?;
        for s in self.rule_summary() {
            w.write_record([
                s.code,
                s.rule_type,
                &s.count.to_string(),
                s.message,
                &s.fields,
            ])?;
        }
        w.flush()?;
        Ok(())
    }

    /// One line per child, table, row and rule, sorted by child, with the flagged values;
    /// return-level findings come first, with no child.
    pub fn write_child_summary_csv(&self, cx: &Ctx, out: impl Write) -> csv::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record([
            "child_id",
            "table",
            "row_id",
            "rule_code",
            "rule_type",
            "message",
            "fields",
            "values",
            "errors_for_child",
        ])?;
        let mut per_child: BTreeMap<&str, usize> = BTreeMap::new();
        for i in &self.issues {
            *per_child.entry(&i.child_id).or_default() += 1;
        }
        let mut rows: Vec<&Issue> = self.issues.iter().collect();
        rows.sort_by(|a, b| {
            a.child_id
                .cmp(&b.child_id)
                .then(a.table.cmp(b.table))
                .then(a.row_id.cmp(&b.row_id))
                .then(code_order(a.rule_code, b.rule_code))
        });
        for i in rows {
            let values = match (super::T::from_name(i.table), i.row_id) {
                (Some(t), Some(r)) => i
                    .columns
                    .split(';')
                    .filter(|c| cx.t(t).has(c))
                    .map(|c| format!("{c}: {}", cx.t(t).col(c).text(r as usize)))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            w.write_record([
                i.child_id.as_str(),
                i.table,
                &i.row_id.map(|r| r.to_string()).unwrap_or_default(),
                i.rule_code,
                i.rule_type,
                i.message,
                &i.columns.replace(';', ", "),
                &values,
                &per_child[i.child_id.as_str()].to_string(),
            ])?;
        }
        w.flush()?;
        Ok(())
    }
}

/// Validates a return for a year: every rule of the pack, in parallel.
pub fn validate(cx: &Ctx) -> Report {
    Report::build(cx, super::run_pack(cx))
}
