//! The rule engine shared by every return: rule metadata, year packs built the way the
//! DfE publishes them, and a runner that runs rules in parallel and survives any of them
//! failing.

use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Collection years are numbered by the calendar year in which they end (31 March), as the
/// DfE's packs are: `Y2025_26` is 2025-26, numbered 2026.
pub const Y2022_23: u16 = 2023;
pub const Y2023_24: u16 = 2024;
pub const Y2024_25: u16 = 2025;
pub const Y2025_26: u16 = 2026;
pub const Y2026_27: u16 = 2027;
/// The packs Sightline carries, oldest first.
pub const YEARS: [u16; 5] = [Y2022_23, Y2023_24, Y2024_25, Y2025_26, Y2026_27];

/// "2025/26" for 2026.
pub fn year_label(year: u16) -> String {
    format!("{}/{:02}", year - 1, year % 100)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleType {
    Error,
    Query,
}

impl RuleType {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleType::Error => "error",
            RuleType::Query => "query",
        }
    }
}

/// What every version of a rule declares about itself.
pub trait RuleMeta: Sync {
    fn code(&self) -> &'static str;
    /// First and last collection year (inclusive) this version is in force.
    fn years(&self) -> (u16, u16);
}

/// The rules in force in `year`: the previous year's pack, with every version that starts
/// this year replacing (or joining) its code, less the codes whose last year has passed.
/// Built year by year from the base pack so it mirrors how the DfE publishes changes.
pub fn year_pack<'a, R: RuleMeta>(versions: &[&'a R], year: u16) -> Vec<&'a R> {
    let mut pack: Vec<&'a R> = Vec::new();
    for y in YEARS.iter().copied().take_while(|&y| y <= year) {
        // Deleted: last in force the year before.
        pack.retain(|r| r.years().1 >= y);
        for v in versions.iter().filter(|v| v.years().0 == y) {
            match pack.iter_mut().find(|r| r.code() == v.code()) {
                Some(slot) => *slot = v,
                None => pack.push(v),
            }
        }
    }
    pack.retain(|r| r.years().1 >= year);
    pack.sort_by(|a, b| code_order(a.code(), b.code()));
    pack
}

/// Numeric codes first in numeric order, then the rest alphabetically: the DfE's order.
pub fn code_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |c: &str| {
        let digits: String = c.chars().take_while(|c| c.is_ascii_digit()).collect();
        let numeric = !digits.is_empty();
        (!numeric, digits.parse::<u64>().unwrap_or(0), c.to_string())
    };
    key(a).cmp(&key(b))
}

/// What a rule did on one run.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    /// Rows flagged, sorted and without repeats (possibly none).
    Flagged(Vec<(T, u32)>),
    /// A table the rule needs was not supplied, so the rule did not run (as the DfE's
    /// validator skips it).
    Skipped(String),
    /// The rule panicked; the run carries on and reports it.
    Failed(String),
}

/// Runs each rule on its own thread from rayon's pool. A panic inside a rule becomes
/// `Outcome::Failed` for that rule alone.
pub fn run_all<'a, R, T, F>(rules: &[&'a R], run: F) -> Vec<(&'a R, Outcome<T>)>
where
    R: RuleMeta,
    T: Send + Ord,
    F: Fn(&R) -> Outcome<T> + Sync,
{
    rules
        .par_iter()
        .map(|r| {
            let out = catch_unwind(AssertUnwindSafe(|| run(r))).unwrap_or_else(|e| {
                let why = e
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into());
                Outcome::Failed(why)
            });
            (*r, out)
        })
        .collect()
}

/// Collects flagged rows for one rule run.
pub struct Flags<T> {
    hits: Vec<(T, u32)>,
}

impl<T: Copy + Ord> Default for Flags<T> {
    fn default() -> Self {
        Flags { hits: Vec::new() }
    }
}

impl<T: Copy + Ord> Flags<T> {
    pub fn flag(&mut self, table: T, row: usize) {
        self.hits.push((table, row as u32));
    }

    pub fn flag_rows(&mut self, table: T, rows: impl IntoIterator<Item = u32>) {
        self.hits.extend(rows.into_iter().map(|r| (table, r)));
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    pub fn into_sorted(mut self) -> Vec<(T, u32)> {
        self.hits.sort_unstable();
        self.hits.dedup();
        self.hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct V(&'static str, u16, u16);
    impl RuleMeta for V {
        fn code(&self) -> &'static str {
            self.0
        }
        fn years(&self) -> (u16, u16) {
            (self.1, self.2)
        }
    }

    #[test]
    fn packs_add_override_and_delete() {
        let a1 = V("101", Y2022_23, Y2023_24);
        let a2 = V("101", Y2024_25, Y2026_27);
        let b = V("230", Y2023_24, Y2023_24);
        let c = V("SW01", Y2022_23, Y2026_27);
        let all = [&a1, &a2, &b, &c];
        let codes = |y| {
            year_pack(&all, y)
                .iter()
                .map(|r| (r.0, r.1))
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(Y2022_23), [("101", Y2022_23), ("SW01", Y2022_23)]);
        assert_eq!(
            codes(Y2023_24),
            [("101", Y2022_23), ("230", Y2023_24), ("SW01", Y2022_23)]
        );
        assert_eq!(codes(Y2024_25), [("101", Y2024_25), ("SW01", Y2022_23)]);
    }

    #[test]
    fn a_panicking_rule_fails_alone() {
        let a = V("1", Y2022_23, Y2026_27);
        let b = V("2", Y2022_23, Y2026_27);
        let out = run_all::<_, u8, _>(&[&a, &b], |r| {
            if r.0 == "1" {
                panic!("boom")
            }
            Outcome::Flagged(vec![(0, 1)])
        });
        assert_eq!(out[0].1, Outcome::Failed("boom".into()));
        assert_eq!(out[1].1, Outcome::Flagged(vec![(0, 1)]));
    }

    #[test]
    fn dfe_code_order() {
        let mut v = vec!["SW01STG1", "1001", "103", "503D", "101", "503A"];
        v.sort_by(|a, b| code_order(a, b));
        assert_eq!(v, ["101", "103", "503A", "503D", "1001", "SW01STG1"]);
    }
}
