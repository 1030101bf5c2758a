//! Building small returns in tests: each table from CSV text with its header line.

use super::{run_rule, Ctx, FileFormat, Rule, Tables, T};
use crate::engine::Outcome;
use crate::table::Table;

/// Tables from `(table, "COL,COL\nv,v\n…")`; values are upper-cased as the reader does.
/// They count as having a postcode lookup: a test gives `PL_LA` and the like itself.
pub fn tables(specs: &[(T, &str)]) -> Tables {
    let mut out = Tables {
        postcode_lookup: true,
        ..Tables::default()
    };
    for (t, text) in specs {
        let mut lines = text.trim().lines();
        let names: Vec<String> = lines
            .next()
            .unwrap_or("")
            .split(',')
            .map(|s| s.trim().to_string())
            .collect();
        let mut table = Table::new(names);
        for line in lines {
            let cells: Vec<String> = line.split(',').map(|s| s.trim().to_uppercase()).collect();
            table.push_row(cells.iter().map(String::as_str));
        }
        out.insert(*t, table);
    }
    out
}

/// The rows the version of `rules` in force in `year` flags (ending-year number), with
/// LA `E09000027` and CSV input.
pub fn flagged(rules: &[Rule], year: u16, t: &Tables) -> Vec<(T, u32)> {
    let rule = rules
        .iter()
        .find(|r| r.years.0 <= year && year <= r.years.1)
        .unwrap_or_else(|| panic!("no version in force in {year}"));
    let cx = Ctx::new(t, year, Some("E09000027"), FileFormat::Csv);
    match run_rule(rule, &cx) {
        Outcome::Flagged(rows) => rows,
        other => panic!("rule {} did not run: {other:?}", rule.code),
    }
}

/// Shorthand for expected rows of one table.
pub fn rows(t: T, rows: &[u32]) -> Vec<(T, u32)> {
    rows.iter().map(|&r| (t, r)).collect()
}
