//! DfE published benchmarks: the Explore Education Statistics LA-level files of `dfe-stats/`
//! and the statistical-neighbour model, read into typed rows, and an LA's figure for a
//! catalogue twin set beside England, its region, its statistical neighbours and every LA.
//!
//! Files are recognised by their header, not their name: a statistics file has
//! `time_period`, `geographic_level`, `old_la_code` and `la_name`; the neighbour model has
//! `old_la_code` and `SN_1`. Anything else (e.g. `ofsted_leadership_data.csv`) is
//! [`Parsed::Other`] and is not imported.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::catalogue::{Polarity, Twin, TwinValue};

/// Cells that mean "no figure" in EES files: `c` suppressed, `x` not available, `z` not
/// applicable, `u` low reliability, `low` rounds to zero, `k` below a threshold, `:` and `..`
/// not available, `~` rounds to zero; and an empty cell.
pub const MISSING_MARKERS: &[&str] = &["", "c", "x", "z", "u", "low", "k", ":", "..", "~"];

/// The EES geography and time columns; every other column is a dimension or a value.
const GEOGRAPHY: &[&str] = &[
    "time_period",
    "time_identifier",
    "geographic_level",
    "country_code",
    "country_name",
    "region_code",
    "region_name",
    "old_la_code",
    "new_la_code",
    "la_name",
];

/// The benchmark region of London boroughs: files give Inner or Outer London (E13…) as an
/// LA's region, but the published regional comparator is London (E12000007).
const LONDON: (&str, &str) = ("E12000007", "London");

/// The population row of the CLA file that gives the 0–17 population for rates per 10,000.
const POPULATION_FILE: &str = "cla_number_and_rate_per_10k";
const POPULATION_FILTER: (&str, &str) = (
    "population_type",
    "Children looked after on 31 March each year",
);
const POPULATION_COLUMN: &str = "population_estimate";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BenchmarkError {
    #[error("{file}, line {line}, column {column}: {value:?} is not {expected}")]
    Cell {
        file: String,
        line: u64,
        column: String,
        value: String,
        expected: String,
    },
    #[error("{file}, line {line}: {why}")]
    Line {
        file: String,
        line: u64,
        why: String,
    },
    #[error("{file}: {why}")]
    File { file: String, why: String },
}

pub type Result<T, E = BenchmarkError> = std::result::Result<T, E>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    National,
    Regional,
    LocalAuthority,
}

impl Level {
    fn parse(s: &str) -> Option<Level> {
        match s {
            "National" => Some(Level::National),
            "Regional" => Some(Level::Regional),
            "Local authority" => Some(Level::LocalAuthority),
            _ => None,
        }
    }
}

/// One row of a statistics file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatRow {
    /// `time_period`: the year ending 31 March (2025 = 2024-25).
    pub year: i32,
    pub level: Level,
    pub region_code: String,
    pub region_name: String,
    /// DfE three-digit code; a few workforce rows cover two LAs (`940 / 941`).
    pub old_la_code: String,
    pub new_la_code: String,
    pub la_name: String,
    /// In the order of [`StatFile::dimension_columns`].
    pub dimensions: Vec<String>,
    /// In the order of [`StatFile::value_columns`]; `None` for a suppression marker.
    pub values: Vec<Option<f64>>,
}

impl StatRow {
    /// Whether this row is the given LA's, a joint row (`314 / 318`) counting for each LA.
    pub fn is_la(&self, code: &str) -> bool {
        self.level == Level::LocalAuthority
            && (self.old_la_code == code || self.old_la_code.split(" / ").any(|c| c == code))
    }
}

/// A DfE LA-level statistics file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatFile {
    /// The file's name without directory or extension.
    pub name: String,
    pub dimension_columns: Vec<String>,
    pub value_columns: Vec<String>,
    pub rows: Vec<StatRow>,
}

impl StatFile {
    pub fn dimension_index(&self, column: &str) -> Option<usize> {
        self.dimension_columns.iter().position(|c| c == column)
    }

    pub fn value_index(&self, column: &str) -> Option<usize> {
        self.value_columns.iter().position(|c| c == column)
    }

    /// First and last `time_period`, if there are rows.
    pub fn years(&self) -> Option<(i32, i32)> {
        let min = self.rows.iter().map(|r| r.year).min()?;
        let max = self.rows.iter().map(|r| r.year).max()?;
        Some((min, max))
    }
}

/// One LA of the statistical-neighbour model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Neighbours {
    pub la_name: String,
    pub region_name: String,
    /// DfE codes, nearest first.
    pub neighbours: Vec<String>,
}

/// The statistical-neighbour model: old LA code → its neighbours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SnModel {
    pub name: String,
    pub las: BTreeMap<String, Neighbours>,
}

/// What a file was recognised as.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Statistics(StatFile),
    Neighbours(SnModel),
    /// Not in either layout; the reason says which columns were missing.
    Other {
        name: String,
        reason: String,
    },
}

/// What an import found in one file, for reporting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSummary {
    pub name: String,
    /// `statistics`, `neighbours` or `skipped`.
    pub kind: &'static str,
    pub rows: usize,
    pub years: Option<(i32, i32)>,
    pub dimension_columns: Vec<String>,
    pub value_columns: Vec<String>,
    /// Why a skipped file was not recognised.
    pub note: String,
}

impl Parsed {
    pub fn summary(&self) -> FileSummary {
        match self {
            Parsed::Statistics(f) => FileSummary {
                name: f.name.clone(),
                kind: "statistics",
                rows: f.rows.len(),
                years: f.years(),
                dimension_columns: f.dimension_columns.clone(),
                value_columns: f.value_columns.clone(),
                note: String::new(),
            },
            Parsed::Neighbours(m) => FileSummary {
                name: m.name.clone(),
                kind: "neighbours",
                rows: m.las.len(),
                years: None,
                dimension_columns: vec![],
                value_columns: vec![],
                note: String::new(),
            },
            Parsed::Other { name, reason } => FileSummary {
                name: name.clone(),
                kind: "skipped",
                rows: 0,
                years: None,
                dimension_columns: vec![],
                value_columns: vec![],
                note: reason.clone(),
            },
        }
    }
}

/// Every imported statistics file, by name stem, and the neighbour model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkSet {
    pub files: BTreeMap<String, StatFile>,
    pub sn: Option<SnModel>,
}

impl BenchmarkSet {
    /// Parses every file (name, bytes); any error stops the whole set. Returns the set and a
    /// summary per file, in the order given.
    pub fn from_files<N: AsRef<str>, B: AsRef<[u8]>>(
        files: &[(N, B)],
    ) -> Result<(BenchmarkSet, Vec<FileSummary>)> {
        let mut set = BenchmarkSet::default();
        let mut summaries = Vec::with_capacity(files.len());
        for (name, bytes) in files {
            let parsed = parse_file(name.as_ref(), bytes.as_ref())?;
            summaries.push(parsed.summary());
            set.add(parsed)?;
        }
        Ok((set, summaries))
    }

    /// Adds a parsed file; a second file of the same name, or a second neighbour model, is an
    /// error rather than a silent replacement.
    pub fn add(&mut self, parsed: Parsed) -> Result<()> {
        match parsed {
            Parsed::Statistics(f) => {
                if self.files.contains_key(&f.name) {
                    return Err(BenchmarkError::File {
                        file: f.name,
                        why: "given twice".into(),
                    });
                }
                self.files.insert(f.name.clone(), f);
            }
            Parsed::Neighbours(m) => {
                if let Some(old) = &self.sn {
                    return Err(BenchmarkError::File {
                        file: m.name,
                        why: format!("a second neighbour model (already have {})", old.name),
                    });
                }
                self.sn = Some(m);
            }
            Parsed::Other { .. } => {}
        }
        Ok(())
    }

    /// The file a twin reads: the first, by name, whose stem starts with `source`.
    pub fn file_for(&self, source: &str) -> Option<&StatFile> {
        self.files
            .range(source.to_string()..)
            .take_while(|(k, _)| k.starts_with(source))
            .map(|(_, f)| f)
            .next()
    }

    /// The latest `time_period` of any file.
    pub fn latest_year(&self) -> Option<i32> {
        self.files
            .values()
            .filter_map(|f| f.years())
            .map(|y| y.1)
            .max()
    }

    /// An LA's name, from any statistics row or the neighbour model.
    /// The LA codes with a row in any file for `year`, in code order.
    pub fn la_codes(&self, year: i32) -> Vec<String> {
        let mut codes: Vec<String> = self
            .files
            .values()
            .flat_map(|f| f.rows.iter())
            .filter(|r| r.level == Level::LocalAuthority && r.year == year)
            .map(|r| r.old_la_code.clone())
            .collect();
        codes.sort();
        codes.dedup();
        codes
    }

    pub fn la_name(&self, code: &str) -> Option<String> {
        if let Some(n) = self.sn.as_ref().and_then(|m| m.las.get(code)) {
            return Some(n.la_name.clone());
        }
        self.files
            .values()
            .flat_map(|f| f.rows.iter().rev())
            .find(|r| r.level == Level::LocalAuthority && r.old_la_code == code)
            .map(|r| r.la_name.clone())
    }
}

/// The file's name without directory or `.csv`.
pub fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.strip_suffix(".csv")
        .or_else(|| base.strip_suffix(".CSV"))
        .unwrap_or(base)
}

/// Recognises a file by its header and parses it.
pub fn parse_file(name: &str, bytes: &[u8]) -> Result<Parsed> {
    let file = stem(name).to_string();
    let header = read_header(&file, bytes)?;
    let has = |c: &str| header.iter().any(|h| h == c);
    if ["time_period", "geographic_level", "old_la_code", "la_name"]
        .iter()
        .all(|c| has(c))
    {
        return parse_statistics(name, bytes).map(Parsed::Statistics);
    }
    if has("old_la_code") && has("SN_1") {
        return parse_sn_model(name, bytes).map(Parsed::Neighbours);
    }
    Ok(Parsed::Other {
        name: file,
        reason: "not a DfE LA-level statistics file (time_period, geographic_level, \
                 old_la_code, la_name) nor the neighbour model (old_la_code, SN_1)"
            .into(),
    })
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(without_bom(bytes))
}

fn csv_error(file: &str, e: csv::Error) -> BenchmarkError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    BenchmarkError::Line {
        file: file.to_string(),
        line,
        why: match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".into(),
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("{len} cells where the header has {expected_len}"),
            _ => e.to_string(),
        },
    }
}

fn read_header(file: &str, bytes: &[u8]) -> Result<Vec<String>> {
    let mut rdr = reader(bytes);
    let header = rdr.headers().map_err(|e| csv_error(file, e))?;
    let names: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(BenchmarkError::File {
                file: file.to_string(),
                why: format!("column {n} appears twice in the header"),
            });
        }
    }
    Ok(names)
}

fn is_marker(cell: &str) -> bool {
    MISSING_MARKERS.contains(&cell)
}

/// A finite number written as EES writes them (no `inf`, `NaN`, thousands separators).
fn number(cell: &str) -> Option<f64> {
    let first = cell.chars().next()?;
    if !(first.is_ascii_digit() || matches!(first, '-' | '+' | '.')) {
        return None;
    }
    cell.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads a file in the EES LA-level layout. Columns other than geography are values when
/// every cell that is not a marker is a number, dimensions when most cells are text; a column
/// of mostly numbers with some text is an error at its first text cell.
pub fn parse_statistics(name: &str, bytes: &[u8]) -> Result<StatFile> {
    let file = stem(name).to_string();
    let header = read_header(&file, bytes)?;
    let col = |c: &str| header.iter().position(|h| h == c);
    let required = |c: &str| {
        col(c).ok_or_else(|| BenchmarkError::File {
            file: file.clone(),
            why: format!("no {c} column"),
        })
    };
    let (i_year, i_level, i_old, i_name) = (
        required("time_period")?,
        required("geographic_level")?,
        required("old_la_code")?,
        required("la_name")?,
    );
    let (i_rcode, i_rname, i_new) = (col("region_code"), col("region_name"), col("new_la_code"));
    let others: Vec<usize> = (0..header.len())
        .filter(|i| !GEOGRAPHY.contains(&header[*i].as_str()))
        .collect();

    let mut records = Vec::new();
    let mut rdr = reader(bytes);
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                records.push((line, cells));
            }
            Ok(false) => break,
            Err(e) => return Err(csv_error(&file, e)),
        }
    }

    // Classify each non-geography column by its content.
    let mut dimension_cols = Vec::new();
    let mut value_cols = Vec::new();
    for &c in &others {
        let (mut numbers, mut texts) = (0usize, 0usize);
        let mut first_text = None;
        for (line, cells) in &records {
            let cell = cells[c].as_str();
            if is_marker(cell) {
                continue;
            }
            if number(cell).is_some() {
                numbers += 1;
            } else {
                texts += 1;
                first_text.get_or_insert((*line, cell));
            }
        }
        match first_text {
            None => value_cols.push(c),
            Some(_) if texts >= numbers => dimension_cols.push(c),
            Some((line, cell)) => {
                return Err(BenchmarkError::Cell {
                    file,
                    line,
                    column: header[c].clone(),
                    value: cell.to_string(),
                    expected: format!(
                        "a number or a suppression marker ({}); the column's other cells are numbers",
                        MISSING_MARKERS[1..].join(" ")
                    ),
                });
            }
        }
    }

    let cell_error = |line: u64, c: usize, value: &str, expected: &str| BenchmarkError::Cell {
        file: file.clone(),
        line,
        column: header[c].clone(),
        value: value.to_string(),
        expected: expected.to_string(),
    };
    let mut rows = Vec::with_capacity(records.len());
    for (line, cells) in &records {
        let line = *line;
        let get = |i: Option<usize>| i.map(|i| cells[i].clone()).unwrap_or_default();
        let year_text = &cells[i_year];
        let year = year_text
            .parse::<i32>()
            .ok()
            .filter(|_| year_text.len() == 4)
            .ok_or_else(|| cell_error(line, i_year, year_text, "a four-digit year"))?;
        let level = Level::parse(&cells[i_level]).ok_or_else(|| {
            cell_error(
                line,
                i_level,
                &cells[i_level],
                "National, Regional or Local authority",
            )
        })?;
        if level == Level::LocalAuthority && cells[i_old].is_empty() {
            return Err(cell_error(
                line,
                i_old,
                "",
                "an LA code (the row is an LA's)",
            ));
        }
        let values = value_cols
            .iter()
            .map(|&c| {
                let cell = cells[c].as_str();
                if is_marker(cell) {
                    None
                } else {
                    // Classification saw every cell of this column parse.
                    number(cell)
                }
            })
            .collect();
        rows.push(StatRow {
            year,
            level,
            region_code: get(i_rcode),
            region_name: get(i_rname),
            old_la_code: cells[i_old].clone(),
            new_la_code: get(i_new),
            la_name: cells[i_name].clone(),
            dimensions: dimension_cols.iter().map(|&c| cells[c].clone()).collect(),
            values,
        });
    }
    Ok(StatFile {
        name: file.clone(),
        dimension_columns: dimension_cols.iter().map(|&c| header[c].clone()).collect(),
        value_columns: value_cols.iter().map(|&c| header[c].clone()).collect(),
        rows,
    })
}

/// Reads the DfE statistical-neighbour model (`old_la_code, la_name, region_name, SN_1, …`).
pub fn parse_sn_model(name: &str, bytes: &[u8]) -> Result<SnModel> {
    let file = stem(name).to_string();
    let header = read_header(&file, bytes)?;
    let col = |c: &str| header.iter().position(|h| h == c);
    let i_code = col("old_la_code").ok_or_else(|| BenchmarkError::File {
        file: file.clone(),
        why: "no old_la_code column".into(),
    })?;
    let (i_name, i_region) = (col("la_name"), col("region_name"));
    // SN_1 … SN_n in neighbour order, whatever the column order (SN_nP are closeness labels).
    let mut sn_cols: Vec<(u32, usize)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Some((h.strip_prefix("SN_")?.parse::<u32>().ok()?, i)))
        .collect();
    sn_cols.sort();
    let mut las = BTreeMap::new();
    let mut rdr = reader(bytes);
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(&file, e)),
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let is_code = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        let bad = |i: usize| BenchmarkError::Cell {
            file: file.clone(),
            line,
            column: header[i].clone(),
            value: cell(i).to_string(),
            expected: "a DfE LA code (digits)".into(),
        };
        let code = cell(i_code);
        if !is_code(code) {
            return Err(bad(i_code));
        }
        let mut neighbours = Vec::new();
        for &(_, i) in &sn_cols {
            match cell(i) {
                "" => {}
                c if is_code(c) => neighbours.push(c.to_string()),
                _ => return Err(bad(i)),
            }
        }
        let entry = Neighbours {
            la_name: i_name.map(cell).unwrap_or_default().to_string(),
            region_name: i_region.map(cell).unwrap_or_default().to_string(),
            neighbours,
        };
        if las.insert(code.to_string(), entry).is_some() {
            return Err(BenchmarkError::Line {
                file,
                line,
                why: format!("LA {code} appears twice"),
            });
        }
    }
    Ok(SnModel { name: file, las })
}

/// An LA's published figure for one twin beside its comparators.
///
/// Conventions:
/// * **Year**: the latest `time_period` ≤ the year asked for in which the twin's file has a
///   row matching its filters; every figure is for that one year.
/// * **Region**: the LA's E12 region; London boroughs, which the files place in Inner or
///   Outer London (E13…), are compared with London (E12000007).
/// * **SN average**: the plain mean of the published values of the LA's statistical
///   neighbours that have one that year (`sn_count` of them); suppressed neighbours are left
///   out, not counted as zero.
/// * **Rank** (`rank` of `of`): among the LA-level rows with a value that year, 1 + the number
///   of LAs strictly better, so tied LAs share the best rank ("1224"). Better means higher
///   for `HigherIsBetter` and for `Neutral` (ranked by descending value), lower for
///   `LowerIsBetter`. A joint row (`314 / 318`) counts once.
/// * **Quartile**: with b LAs strictly better and n LAs with a value, quartile
///   `⌊4b/n⌋ + 1` (at most 4), so 1 is the best quarter and tied values always share a
///   quartile. `live_quartile` applies the same rule to the live value against the same
///   published values (the LA's own published value included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The file the figures come from.
    pub file: String,
    pub year: i32,
    pub la_name: String,
    pub la_published: Option<f64>,
    pub england: Option<f64>,
    pub region_name: String,
    pub region: Option<f64>,
    pub sn_average: Option<f64>,
    pub sn_count: usize,
    pub rank: Option<u32>,
    pub of: u32,
    pub quartile: Option<u8>,
    pub live_quartile: Option<u8>,
}

fn strictly_better(polarity: Polarity, a: f64, b: f64) -> bool {
    match polarity {
        Polarity::LowerIsBetter => a < b,
        Polarity::HigherIsBetter | Polarity::Neutral => a > b,
    }
}

/// Rank and quartile of `v` among `values` (see [`Comparison`]).
fn place(values: &[f64], v: f64, polarity: Polarity) -> Option<(u32, u8)> {
    if values.is_empty() || !v.is_finite() {
        return None;
    }
    let better = values
        .iter()
        .filter(|&&o| strictly_better(polarity, o, v))
        .count();
    let quartile = (better * 4 / values.len() + 1).min(4) as u8;
    Some((better as u32 + 1, quartile))
}

/// Geography of a row, for matching a count with its population.
fn geo_key(r: &StatRow) -> (Level, &str) {
    match r.level {
        Level::National => (Level::National, ""),
        Level::Regional => (Level::Regional, r.region_code.as_str()),
        Level::LocalAuthority => (Level::LocalAuthority, r.old_la_code.as_str()),
    }
}

/// The 0–17 population of every area in `year`, from the CLA file.
fn populations(set: &BenchmarkSet, year: i32) -> HashMap<(Level, &str), f64> {
    let mut out = HashMap::new();
    let Some(f) = set.file_for(POPULATION_FILE) else {
        return out;
    };
    let (Some(d), Some(v)) = (
        f.dimension_index(POPULATION_FILTER.0),
        f.value_index(POPULATION_COLUMN),
    ) else {
        return out;
    };
    for r in f.rows.iter().filter(|r| r.year == year) {
        if r.dimensions[d] == POPULATION_FILTER.1 {
            if let Some(p) = r.values[v].filter(|p| *p > 0.0) {
                out.insert(geo_key(r), p);
            }
        }
    }
    out
}

/// Compares LA `la_code` (DfE three-digit code) with England, its region, its statistical
/// neighbours and all LAs on `twin`'s published figure, for the latest year ≤ `year`. `live`
/// is Sightline's own figure, placed among the LAs' published values. `None` when no
/// imported file matches the twin or it has no data up to `year`. See [`Comparison`] for the
/// conventions.
pub fn compare(
    set: &BenchmarkSet,
    twin: &Twin,
    polarity: Polarity,
    la_code: &str,
    year: i32,
    live: Option<f64>,
) -> Option<Comparison> {
    let file = set.file_for(twin.source)?;
    let (column, per_10k) = match twin.value {
        TwinValue::Column(c) => (c, false),
        TwinValue::PerTenThousand(c) => (c, true),
    };
    let vi = file.value_index(column)?;
    let filters: Vec<(usize, &str)> = twin
        .filters
        .iter()
        .map(|(c, v)| file.dimension_index(c).map(|i| (i, *v)))
        .collect::<Option<_>>()?;
    let matching = |r: &&StatRow| filters.iter().all(|(i, v)| r.dimensions[*i] == *v);
    let data_year = file
        .rows
        .iter()
        .filter(matching)
        .map(|r| r.year)
        .filter(|y| *y <= year)
        .max()?;
    let rows: Vec<&StatRow> = file
        .rows
        .iter()
        .filter(|r| r.year == data_year)
        .filter(matching)
        .collect();
    let population = per_10k.then(|| populations(set, data_year));
    let value = |r: &StatRow| -> Option<f64> {
        let v = r.values[vi]?;
        match &population {
            None => Some(v),
            Some(p) => p.get(&geo_key(r)).map(|pop| v / pop * 10_000.0),
        }
    };

    let la_row = rows.iter().find(|r| r.is_la(la_code)).copied();
    let sn = set.sn.as_ref().and_then(|m| m.las.get(la_code));
    // The region from the LA's row this year, else from any year of the file.
    let any_la_row = la_row.or_else(|| file.rows.iter().rev().find(|r| r.is_la(la_code)));
    let region_row = match any_la_row {
        Some(r) => {
            let code = if r.region_code.starts_with("E13") {
                LONDON.0
            } else {
                r.region_code.as_str()
            };
            rows.iter()
                .find(|g| g.level == Level::Regional && g.region_code == code)
        }
        None => sn.and_then(|n| {
            rows.iter()
                .find(|g| g.level == Level::Regional && g.region_name == n.region_name)
        }),
    };
    let region_name = region_row
        .map(|r| r.region_name.clone())
        .or_else(|| sn.map(|n| n.region_name.clone()))
        .unwrap_or_default();
    let la_name = la_row
        .map(|r| r.la_name.clone())
        .or_else(|| sn.map(|n| n.la_name.clone()))
        .or_else(|| any_la_row.map(|r| r.la_name.clone()))
        .unwrap_or_else(|| la_code.to_string());

    let sn_values: Vec<f64> = sn
        .map(|n| {
            n.neighbours
                .iter()
                .filter_map(|code| rows.iter().find(|r| r.is_la(code)).and_then(|r| value(r)))
                .collect()
        })
        .unwrap_or_default();
    let la_values: Vec<f64> = rows
        .iter()
        .filter(|r| r.level == Level::LocalAuthority)
        .filter_map(|r| value(r))
        .collect();
    let la_published = la_row.and_then(value);
    let placed = la_published.and_then(|v| place(&la_values, v, polarity));
    Some(Comparison {
        file: file.name.clone(),
        year: data_year,
        la_name,
        la_published,
        england: rows
            .iter()
            .find(|r| r.level == Level::National)
            .and_then(|r| value(r)),
        region_name,
        region: region_row.and_then(|r| value(r)),
        sn_average: (!sn_values.is_empty())
            .then(|| sn_values.iter().sum::<f64>() / sn_values.len() as f64),
        sn_count: sn_values.len(),
        rank: placed.map(|p| p.0),
        of: la_values.len() as u32,
        quartile: placed.map(|p| p.1),
        live_quartile: live
            .and_then(|v| place(&la_values, v, polarity))
            .map(|p| p.1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "time_period,time_identifier,geographic_level,country_code,country_name,\
region_code,region_name,old_la_code,new_la_code,la_name,category,count,percent\n";

    fn stats(body: &str) -> Vec<u8> {
        format!("{HEAD}{body}").into_bytes()
    }

    const BODY: &str = "\
2025,Reporting year,National,E92000001,England,,,,,,Referrals,1000,20.5
2025,Reporting year,Regional,E92000001,England,E12000007,London,,,,Referrals,300,18
2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,308,E09000010,Enfield,Referrals,40,10
2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,201,E09000001,City of London,Referrals,c,c
2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,202,E09000007,Camden,Referrals,50,30
2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,203,E09000011,Greenwich,Referrals,60,30
2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,302,E09000003,Barnet,Referrals,z,40
2024,Reporting year,Local authority,E92000001,England,E13000002,Outer London,308,E09000010,Enfield,Referrals,low,11
";

    const SN: &str =
        "old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P,SN_3,SN_3P\n\
308,Enfield,3,London,202,Close ,201,Close ,203,Very close\n";

    fn twin(column: &'static str) -> Twin {
        Twin {
            source: "c1_test",
            filters: &[("category", "Referrals")],
            value: TwinValue::Column(column),
        }
    }

    fn set() -> BenchmarkSet {
        BenchmarkSet::from_files(&[
            ("dir/c1_test_2013_to_2025.csv", stats(BODY)),
            ("sn_model.csv", SN.as_bytes().to_vec()),
        ])
        .unwrap()
        .0
    }

    #[test]
    fn markers_are_missing_values_and_text_columns_are_dimensions() {
        let f = parse_statistics("c1_test.csv", &stats(BODY)).unwrap();
        assert_eq!(f.name, "c1_test");
        assert_eq!(f.dimension_columns, ["category"]);
        assert_eq!(f.value_columns, ["count", "percent"]);
        let city = &f.rows[3];
        assert_eq!(
            (city.old_la_code.as_str(), city.values.as_slice()),
            ("201", &[None, None][..])
        );
        assert_eq!(f.rows[6].values, [None, Some(40.0)]);
        assert_eq!(f.rows[7].values, [None, Some(11.0)]);
        assert_eq!(f.rows[0].level, Level::National);
        assert_eq!(f.years(), Some((2024, 2025)));
        for m in MISSING_MARKERS {
            let body = format!("2025,Reporting year,National,E92000001,England,,,,,,R,{m},1\n");
            let f = parse_statistics("x.csv", &stats(&body)).unwrap();
            assert_eq!(f.rows[0].values, [None, Some(1.0)], "marker {m:?}");
        }
    }

    #[test]
    fn a_bom_and_a_different_column_order_are_read() {
        let text = "\u{feff}time_period,time_identifier,geographic_level,country_code,country_name,\
region_code,region_name,old_la_code,la_name,new_la_code,population_type,rate_per_10000\n\
2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,372,Rotherham,E08000018,Children looked after on 31 March each year,80\n";
        let Parsed::Statistics(f) = parse_file("cla.csv", text.as_bytes()).unwrap() else {
            panic!("not recognised as statistics")
        };
        let r = &f.rows[0];
        assert_eq!(
            (
                r.old_la_code.as_str(),
                r.la_name.as_str(),
                r.new_la_code.as_str()
            ),
            ("372", "Rotherham", "E08000018")
        );
        assert_eq!(f.value_columns, ["rate_per_10000"]);
        let sn = format!("\u{feff}{SN}");
        let Parsed::Neighbours(m) = parse_file("sn.csv", sn.as_bytes()).unwrap() else {
            panic!("not recognised as the neighbour model")
        };
        assert_eq!(m.las["308"].neighbours, ["202", "201", "203"]);
        assert_eq!(m.las["308"].region_name, "London");
    }

    #[test]
    fn a_bad_number_names_file_line_and_column() {
        let body = BODY.replace("Camden,Referrals,50,30", "Camden,Referrals,5O,30");
        let e = parse_statistics("dir/c1_test.csv", &stats(&body)).unwrap_err();
        let BenchmarkError::Cell {
            file,
            line,
            column,
            value,
            ..
        } = &e
        else {
            panic!("{e:?}")
        };
        assert_eq!(
            (file.as_str(), *line, column.as_str(), value.as_str()),
            ("c1_test", 6, "count", "5O")
        );
        let msg = e.to_string();
        assert!(
            msg.contains("c1_test, line 6, column count") && msg.contains("a number"),
            "{msg}"
        );
    }

    #[test]
    fn bad_geography_and_ragged_rows_are_errors_not_panics() {
        let cases = [
            (BODY.replacen("2024,", "24/25,", 1), "a four-digit year"),
            (
                BODY.replacen("Local authority", "Ward", 1),
                "National, Regional or Local authority",
            ),
            (
                BODY.replacen("Referrals,1000,20.5", "Referrals,1000", 1),
                "cells where the header has",
            ),
            (
                BODY.replacen(",308,E09000010,Enfield", ",,E09000010,Enfield", 1),
                "an LA code",
            ),
        ];
        for (body, want) in cases {
            let e = parse_statistics("c1.csv", &stats(&body))
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("c1, line ") && e.contains(want), "{e}");
        }
        let bad_sn = SN.replace("202,Close", "2O2,Close");
        let e = parse_sn_model("sn.csv", bad_sn.as_bytes())
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("line 2, column SN_1") && e.contains("2O2"),
            "{e}"
        );
        assert!(parse_file("x.csv", b"\xff\xfe,\n1,2\n").is_err());
    }

    #[test]
    fn other_layouts_are_not_statistics() {
        let p = parse_file(
            "ofsted_leadership_data.csv",
            b"geo_breakdown,time_period,geographic_level,old_la_code\nX,2025,National,\n",
        )
        .unwrap();
        assert!(matches!(p, Parsed::Other { .. }), "{p:?}");
        let (set, summary) =
            BenchmarkSet::from_files(&[("ofsted_leadership_data.csv", b"a,b\n1,2\n")]).unwrap();
        assert_eq!((set, summary[0].kind), (BenchmarkSet::default(), "skipped"));
    }

    #[test]
    fn a_twin_without_a_file_or_year_or_column_compares_to_nothing() {
        let s = set();
        let mut t = twin("percent");
        t.source = "d3_missing";
        assert_eq!(
            compare(&s, &t, Polarity::LowerIsBetter, "308", 2025, None),
            None
        );
        assert_eq!(
            compare(
                &s,
                &twin("percent"),
                Polarity::LowerIsBetter,
                "308",
                2023,
                None
            ),
            None
        );
        assert_eq!(
            compare(
                &s,
                &twin("nope"),
                Polarity::LowerIsBetter,
                "308",
                2025,
                None
            ),
            None
        );
        let mut t = twin("percent");
        t.filters = &[("category", "Something else")];
        assert_eq!(
            compare(&s, &t, Polarity::LowerIsBetter, "308", 2025, None),
            None
        );
        t.filters = &[("no_such_column", "x")];
        assert_eq!(
            compare(&s, &t, Polarity::LowerIsBetter, "308", 2025, None),
            None
        );
    }

    #[test]
    fn comparison_uses_london_neighbours_rank_and_quartiles() {
        let s = set();
        let c = compare(
            &s,
            &twin("percent"),
            Polarity::LowerIsBetter,
            "308",
            2026,
            Some(35.0),
        )
        .unwrap();
        assert_eq!(c.year, 2025);
        assert_eq!(c.la_name, "Enfield");
        assert_eq!(c.la_published, Some(10.0));
        assert_eq!(c.england, Some(20.5));
        assert_eq!((c.region_name.as_str(), c.region), ("London", Some(18.0)));
        // Neighbours 202 (30), 201 (suppressed), 203 (30): mean of the two with a value.
        assert_eq!((c.sn_average, c.sn_count), (Some(30.0), 2));
        // LA values 10, 30, 30, 40 (City suppressed): Enfield best of 4.
        assert_eq!((c.rank, c.of, c.quartile), (Some(1), 4, Some(1)));
        // 35 is beaten by 10, 30, 30: 3 of 4 better → ⌊12/4⌋+1 = 4.
        assert_eq!(c.live_quartile, Some(4));
        let camden = compare(
            &s,
            &twin("percent"),
            Polarity::LowerIsBetter,
            "202",
            2025,
            None,
        )
        .unwrap();
        let greenwich = compare(
            &s,
            &twin("percent"),
            Polarity::LowerIsBetter,
            "203",
            2025,
            None,
        )
        .unwrap();
        // Tied at 30: both have one LA better → rank 2, quartile ⌊4/4⌋+1 = 2.
        assert_eq!((camden.rank, camden.quartile), (Some(2), Some(2)));
        assert_eq!((greenwich.rank, greenwich.quartile), (Some(2), Some(2)));
        let high = compare(
            &s,
            &twin("percent"),
            Polarity::HigherIsBetter,
            "302",
            2025,
            Some(40.0),
        )
        .unwrap();
        assert_eq!(
            (high.rank, high.quartile, high.live_quartile),
            (Some(1), Some(1), Some(1))
        );
        let neutral = compare(&s, &twin("percent"), Polarity::Neutral, "308", 2025, None).unwrap();
        assert_eq!((neutral.rank, neutral.quartile), (Some(4), Some(4)));
        // Suppressed for the LA itself: no rank, but the comparators are still there.
        let city = compare(
            &s,
            &twin("count"),
            Polarity::LowerIsBetter,
            "201",
            2025,
            None,
        )
        .unwrap();
        assert_eq!(
            (city.la_published, city.rank, city.of, city.england),
            (None, None, 3, Some(1000.0))
        );
        // The latest year at or before the one asked for.
        let y = compare(
            &s,
            &twin("percent"),
            Polarity::LowerIsBetter,
            "308",
            2024,
            None,
        )
        .unwrap();
        assert_eq!(
            (y.year, y.la_published, y.england, y.of),
            (2024, Some(11.0), None, 1)
        );
    }

    #[test]
    fn per_ten_thousand_divides_by_the_cla_files_population() {
        let cla = "time_period,time_identifier,geographic_level,country_code,country_name,\
region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count\n\
2025,Reporting year,National,E92000001,England,,,,,,Children looked after on 31 March each year,100000,700\n\
2025,Reporting year,National,E92000001,England,,,,,,Children starting to be looked after each year,1,1\n\
2025,Reporting year,Regional,E92000001,England,E12000007,London,,,,Children looked after on 31 March each year,20000,100\n\
2025,Reporting year,Local authority,E92000001,England,E13000002,Outer London,308,Enfield,E09000010,Children looked after on 31 March each year,8000,40\n\
2025,Reporting year,Local authority,E92000001,England,E13000001,Inner London,202,Camden,E09000007,Children looked after on 31 March each year,x,40\n";
        let (s, _) = BenchmarkSet::from_files(&[
            ("c1_test.csv", stats(BODY)),
            (
                "cla_number_and_rate_per_10k_children.csv",
                cla.as_bytes().to_vec(),
            ),
            ("sn.csv", SN.as_bytes().to_vec()),
        ])
        .unwrap();
        let t = Twin {
            source: "c1_test",
            filters: &[],
            value: TwinValue::PerTenThousand("count"),
        };
        let c = compare(&s, &t, Polarity::Neutral, "308", 2025, None).unwrap();
        assert_eq!(c.la_published, Some(40.0 / 8000.0 * 10_000.0));
        assert_eq!(c.england, Some(1000.0 / 100000.0 * 10_000.0));
        assert_eq!(c.region, Some(300.0 / 20000.0 * 10_000.0));
        // Camden has no population estimate, so only Enfield has a rate.
        assert_eq!((c.sn_count, c.of), (0, 1));
    }
}
