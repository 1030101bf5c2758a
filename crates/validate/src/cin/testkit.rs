//! Building small CIN returns in tests: each table from CSV text with its header line;
//! the Header defaults to the 2025/26 census (reference date 2026-03-31).

use super::{run_rule, Ctx, Loc, Rule, Tables, T};
use crate::engine::Outcome;
use crate::table::Table;

/// Tables from `(table, "Col,Col\nv,v\n…")`; values are kept as written. Tables not given
/// are empty, except Header.
pub fn tables(specs: &[(T, &str)]) -> Tables {
    let mut out = Tables::default();
    out.get_mut(T::Header)
        .push_row(["CIN", "2026", "2026-03-31"]);
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
            table.push_row(line.split(',').map(str::trim));
        }
        out.insert(*t, table);
    }
    out
}

/// The locations the version of `rules` in force in `year` flags.
pub fn flagged(rules: &[Rule], year: u16, t: &Tables) -> Vec<(Loc, u32)> {
    let rule = rules
        .iter()
        .find(|r| r.years.0 <= year && year <= r.years.1)
        .unwrap_or_else(|| panic!("no version in force in {year}"));
    let cx = Ctx::new(t, year, Some("E09000027"));
    match run_rule(rule, &cx) {
        Outcome::Flagged(rows) => rows,
        other => panic!("rule {} did not run: {other:?}", rule.code),
    }
}

/// Expected rows of one table.
pub fn rows(t: T, rows: &[u32]) -> Vec<(Loc, u32)> {
    rows.iter().map(|&r| (Some(t), r)).collect()
}

/// The expected return-level finding.
pub fn whole_return() -> Vec<(Loc, u32)> {
    vec![(None, 0)]
}

/// Expected rows of several tables, in the order rules report them.
pub fn locs(spec: &[(T, &[u32])]) -> Vec<(Loc, u32)> {
    let mut v: Vec<(Loc, u32)> = spec.iter().flat_map(|(t, r)| rows(*t, r)).collect();
    v.sort();
    v
}
