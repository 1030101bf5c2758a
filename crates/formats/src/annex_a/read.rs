//! Reads an authority's own Annex A (an xlsx workbook, or one CSV file per list) and checks
//! it: tolerant of how councils write headers and codes (case, spacing, quote style, letter
//! prefixes such as `a) Male`, the short `Age` header), strict about what they mean.
//!
//! Reading only finds the lists and their columns; [`check`] reports every problem with its
//! sheet, spreadsheet row and column.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Reader};
use model::calendar::add_months;
use model::Date;

use super::codes::{self as cc, CellList};
use super::{AnnexA, Cell, LISTS};
use crate::ReadError;

/// A cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum RawCell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl RawCell {
    fn text(&self) -> String {
        match self {
            RawCell::Empty => String::new(),
            RawCell::Text(s) => s.clone(),
            RawCell::Number(n) if n.fract() == 0.0 => format!("{n:.0}"),
            RawCell::Number(n) => n.to_string(),
            RawCell::Date(d) => d.to_dmy(),
        }
    }
    fn is_empty(&self) -> bool {
        match self {
            RawCell::Empty => true,
            RawCell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// One list as found in the file: its source (sheet or file name), headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub source: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<RawCell>>,
}

/// The lists found, by number (index 0 = List 1); `None` for a list the file lacks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workbook {
    pub lists: Vec<Option<Sheet>>,
}

/// One problem, located as a person would look for it in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Sheet name (xlsx) or file name (CSV).
    pub source: String,
    /// Spreadsheet row, 1-based with the header as row 1.
    pub row: Option<usize>,
    pub column: Option<String>,
    pub value: Option<String>,
    /// The row's child (or adopter) identifier, when the problem is in a row.
    pub record: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(r) = self.row {
            write!(f, ", row {r}")?;
        }
        if let Some(id) = &self.record {
            write!(f, " ({id})")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        if let Some(v) = &self.value {
            write!(f, ", value \"{v}\"")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Which list a sheet or file name is: "List 3", "list_03_referrals.csv", "LIST3 - Referrals".
pub fn list_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let at = lower.find("list")? + 4;
    let digits: String = lower[at..]
        .trim_start_matches([' ', '_', '-'])
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok().filter(|n| (1..=11).contains(n))
}

/// Letters and digits only, lower case: what is left of a header once case, spacing, quote
/// style and punctuation (`(Y/N))`) are set aside.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The spec column a file's header stands for, in list `number`.
fn match_header(number: u8, header: &str) -> Option<usize> {
    let k = key(header);
    let def = &LISTS[number as usize - 1];
    def.headers
        .iter()
        .position(|h| key(h) == k)
        // A sample workbook heads column 5 of Lists 1–9 just "Age".
        .or_else(|| {
            (k == "age")
                .then(|| def.column("Age of Child (Years)"))
                .flatten()
        })
}

/// Reads an xlsx workbook. Sheets that are not lists are ignored.
pub fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    // calamine can panic on some damaged workbooks (seen in fuzzing: an index out of bounds in
    // its xlsx reader); a damaged file is the user's problem to fix, not a crash.
    std::panic::catch_unwind(|| read_xlsx_inner(file, bytes)).unwrap_or_else(|_| {
        Err(ReadError::file(
            file,
            "an xlsx workbook (the file is damaged: the xlsx reader could not make sense of it)",
        ))
    })
}

fn read_xlsx_inner(file: &str, bytes: &[u8]) -> Result<Workbook, ReadError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ReadError::file(file, format!("an xlsx workbook ({e})")))?;
    let mut wb = Workbook {
        lists: vec![None; LISTS.len()],
    };
    for (name, range) in book.worksheets() {
        let Some(n) = list_number(&name) else {
            continue;
        };
        let mut rows = range.rows();
        let headers: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(|c| c.to_string().trim().to_string()).collect())
            .unwrap_or_default();
        let rows: Vec<Vec<RawCell>> = rows.map(|r| r.iter().map(raw).collect()).collect();
        wb.lists[n as usize - 1] = Some(Sheet {
            source: name,
            headers,
            rows,
        });
    }
    Ok(wb)
}

fn raw(c: &Data) -> RawCell {
    match c {
        Data::Empty => RawCell::Empty,
        Data::String(s) => RawCell::Text(s.clone()),
        Data::Int(n) => RawCell::Number(*n as f64),
        Data::Float(f) => RawCell::Number(*f),
        Data::Bool(b) => RawCell::Text(b.to_string()),
        Data::DateTime(d) => excel_date(d.as_f64())
            .map(RawCell::Date)
            .unwrap_or_else(|| RawCell::Text(d.to_string())),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|x| x.parse().ok())
            .map(RawCell::Date)
            .unwrap_or_else(|| RawCell::Text(s.clone())),
        Data::DurationIso(s) => RawCell::Text(s.clone()),
        Data::Error(e) => RawCell::Text(format!("#{e:?}")),
    }
}

/// An Excel date serial (days since 30 December 1899) as a date.
fn excel_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    Some(Date::ymd(1899, 12, 30).plus_days(serial.floor() as i64))
}

/// Reads CSV files (name, bytes); each file's name says which list it is.
pub fn read_csv_files(files: &[(String, Vec<u8>)]) -> Result<Workbook, ReadError> {
    let mut wb = Workbook {
        lists: vec![None; LISTS.len()],
    };
    for (name, bytes) in files {
        let Some(n) = list_number(name) else {
            continue;
        };
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = r
            .headers()
            .map_err(|e| ReadError::file(name, format!("a CSV header row ({e})")))?
            .iter()
            .map(|h| h.trim().to_string())
            .collect();
        let mut rows = vec![];
        for (i, rec) in r.records().enumerate() {
            let rec = rec.map_err(|e| ReadError {
                line: Some(i as u64 + 2),
                ..ReadError::file(name, format!("a CSV record ({e})"))
            })?;
            rows.push(
                rec.iter()
                    .map(|s| {
                        if s.trim().is_empty() {
                            RawCell::Empty
                        } else {
                            RawCell::Text(s.to_string())
                        }
                    })
                    .collect(),
            );
        }
        wb.lists[n as usize - 1] = Some(Sheet {
            source: name.clone(),
            headers,
            rows,
        });
    }
    Ok(wb)
}

/// What a column holds.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Date,
    Int,
    Code(&'static CellList),
}

/// The kind of a spec column, from its header.
fn kind(header: &str) -> Kind {
    let code = |l: &'static CellList| Kind::Code(l);
    match header {
        "Gender" => code(&cc::GENDER),
        "Ethnicity" => code(&cc::ETHNICITY),
        "Contact Source" | "Referral Source" => code(&cc::SOURCE),
        "Primary Need Code" | "Child's Category of Need" => code(&cc::NEED),
        "Reason for Closure" => code(&cc::CLOSURE),
        "Case Status" => code(&cc::CASE_STATUS),
        "Initial Category of Abuse" | "Latest Category of Abuse" => code(&cc::ABUSE),
        "Child's Legal Status" => code(&cc::LEGAL_STATUS),
        "What is the permanence plan for this child?" => code(&cc::PERMANENCE_PLAN),
        "Reason Ceased to be Looked After" => code(&cc::REASON_CEASED),
        "Placement Type" => code(&cc::PLACEMENT_TYPE),
        "Placement Provider" => code(&cc::PROVIDER),
        "Placement Location" => code(&cc::LOCATION),
        "Eligibility Category" => code(&cc::ELIGIBILITY),
        "LA in Touch" => code(&cc::IN_TOUCH),
        "Type of Accommodation" => code(&cc::ACCOMMODATION),
        "Suitability of Accommodation" => code(&cc::SUITABILITY),
        "Activity Status" => code(&cc::ACTIVITY),
        "Reason Why Child No Longer Placed for Adoption" => code(&cc::NO_LONGER_PLACED),
        "Reason for leaving adoption process" => code(&cc::LEAVING_REASON),
        h if h.starts_with("Number of") || h.starts_with("No. of") || h.starts_with("Age of") => {
            Kind::Int
        }
        h if h.starts_with("Date")
            || h.ends_with("Date")
            || h.ends_with("date")
            || h.ends_with("Authorisation")
            || h.starts_with("Start date")
            || h.starts_with("Start Date") =>
        {
            Kind::Date
        }
        h if h.starts_with("Does ")
            || h.starts_with("Was ")
            || h.starts_with("Did ")
            || h.starts_with("Is ")
            || h.starts_with("Unaccompanied")
            || h.starts_with("Subject to")
            || h.starts_with("Child Seen")
            || h == "Referral NFA?"
            || h == "Disability" =>
        {
            code(&cc::YES_NO)
        }
        _ => Kind::Text,
    }
}

/// The list a cell's value stands for, tolerating a missing or different letter prefix, case
/// and spacing, or the bare code; `None` if it matches nothing.
fn match_code(list: &CellList, value: &str) -> Option<&'static str> {
    let strip = |s: &str| -> String {
        let s = s.trim();
        let s = match s.find(')') {
            Some(i) if i <= 3 && s[..i].chars().all(|c| c.is_ascii_alphanumeric()) => &s[i + 1..],
            _ => s,
        };
        key(s)
    };
    let v = strip(value);
    list.cells
        .iter()
        .find(|(code, cell)| strip(cell) == v || key(code) == v)
        .map(|(code, _)| *code)
}

/// A 903 placement type or legal status newer than the Annex A template, which the export
/// carries through as `CODE: label` (spec §1.2 UNCERTAIN).
fn newer_code(header: &str, value: &str) -> bool {
    let code = value.split(':').next().unwrap_or_default().trim();
    match header {
        "Placement Type" => code.parse::<model::codes::PlacementType>().is_ok(),
        "Child's Legal Status" => code.parse::<model::codes::LegalStatus>().is_ok(),
        _ => false,
    }
}

fn parse_date(cell: &RawCell) -> Option<Date> {
    match cell {
        RawCell::Date(d) => Some(*d),
        RawCell::Number(n) => excel_date(*n),
        RawCell::Text(s) => {
            let s = s.trim();
            let s = s.split([' ', 'T']).next().unwrap_or(s);
            let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
            match parts.as_slice() {
                [d, m, y] if y.len() == 4 => {
                    Date::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                }
                [y, m, d] if y.len() == 4 => {
                    Date::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
                }
                _ => None,
            }
        }
        RawCell::Empty => None,
    }
}

/// Columns that must hold a value (spec §1.3 "Blank? no"), by list.
fn required(number: u8, header: &str) -> bool {
    matches!(
        (number, header),
        (1..=10, "Child Unique ID" | "Gender" | "Ethnicity")
            | (1, "Date of Contact" | "Contact Source")
            | (2, "Assessment start date")
            | (3, "Date of referral" | "Referral Source" | "Referral NFA?")
            | (4, "Continuous Assessment Start Date")
            | (
                5,
                "Strategy discussion initiating Section 47 Enquiry Start Date"
            )
            | (6, "Primary Need Code" | "Case Status")
            | (
                7,
                "Child Protection Plan Start Date" | "Initial Category of Abuse"
            )
            | (
                8,
                "Date Started to be Looked After" | "Child's Legal Status" | "Placement Type"
            )
            | (9, "Eligibility Category" | "LA in Touch")
            | (
                10,
                "Date of Decision that Child Should be Placed for Adoption"
            )
            | (
                11,
                "Individual adopter identifier" | "Date enquiry received"
            )
    )
}

/// Dates that must fall in the list's window: (list, header, months back).
const WINDOWS: &[(u8, &str, i32)] = &[(1, "Date of Contact", 6), (3, "Date of referral", 6)];

/// Dates that may not come before another: (list, earlier, later).
const ORDERS: &[(u8, &str, &str)] = &[
    (2, "Assessment start date", "Assessment completion date"),
    (
        4,
        "Continuous Assessment Start Date",
        "Continuous Assessment Date of Authorisation",
    ),
    (
        5,
        "Strategy discussion initiating Section 47 Enquiry Start Date",
        "Date of Initial Child Protection Conference",
    ),
    (
        7,
        "Child Protection Plan Start Date",
        "Child Protection Plan End Date",
    ),
    (
        8,
        "Date Started to be Looked After",
        "Date Ceased to be Looked After",
    ),
    (
        8,
        "Date Started to be Looked After",
        "Start Date of Most Recent Placement",
    ),
    (
        10,
        "Date of Decision that Child Should be Placed for Adoption",
        "Date of Adoption Order",
    ),
    (11, "Date Stage 1 started", "Date Stage 1 ended"),
    (11, "Date Stage 2 started", "Date Stage 2 ended"),
    (11, "Date enquiry received", "Date application approved"),
];

/// Natural keys a child may appear under only once per list (spec §1.4).
const DEDUP: &[(u8, &[&str])] = &[
    (1, &["Child Unique ID", "Date of Contact", "Contact Source"]),
    (2, &["Child Unique ID", "Assessment start date"]),
    (
        3,
        &["Child Unique ID", "Date of referral", "Referral Source"],
    ),
    (4, &["Child Unique ID", "Continuous Assessment Start Date"]),
    (
        5,
        &[
            "Child Unique ID",
            "Strategy discussion initiating Section 47 Enquiry Start Date",
        ],
    ),
    (6, &["Child Unique ID"]),
    (7, &["Child Unique ID", "Child Protection Plan Start Date"]),
    (8, &["Child Unique ID"]),
    (9, &["Child Unique ID"]),
    (
        10,
        &[
            "Child Unique ID",
            "Date of Decision that Child Should be Placed for Adoption",
        ],
    ),
    (
        11,
        &["Individual adopter identifier", "Date enquiry received"],
    ),
];

/// The latest date in the file other than a date of birth: the earliest date the Annex A can
/// have been drawn at, used when the caller does not say.
pub fn latest_date(wb: &Workbook) -> Option<Date> {
    let mut latest = None;
    for (i, sheet) in wb.lists.iter().enumerate() {
        let Some(sheet) = sheet else { continue };
        let n = i as u8 + 1;
        for (c, h) in sheet.headers.iter().enumerate() {
            let Some(s) = match_header(n, h) else {
                continue;
            };
            let header = LISTS[i].headers[s];
            if header == "Date of Birth" || !matches!(kind(header), Kind::Date) {
                continue;
            }
            let max = sheet
                .rows
                .iter()
                .filter_map(|r| r.get(c).and_then(parse_date))
                .max();
            latest = latest.max(max);
        }
    }
    latest
}

/// A cell as part of a natural key: dates by value, codes and text by their letters and digits.
fn key_text(c: &RawCell) -> String {
    parse_date(c).map_or_else(|| key(&c.text()), |d| d.to_dmy())
}

/// Every problem in `wb` for an Annex A drawn at `as_at`.
pub fn check(wb: &Workbook, as_at: Date) -> Vec<Problem> {
    let mut out = vec![];
    let six = Date(add_months(as_at.0, -6));
    let mut s47_children: Option<std::collections::HashSet<String>> = None;
    let mut plans_in_window: Vec<(String, usize, String)> = vec![];
    for (i, def) in LISTS.iter().enumerate() {
        let n = def.number;
        let Some(sheet) = &wb.lists[i] else {
            out.push(Problem {
                source: def.sheet(),
                row: None,
                column: None,
                value: None,
                record: None,
                message: "list missing from the file".into(),
            });
            continue;
        };
        // Where each spec column is in the file.
        let mut at: Vec<Option<usize>> = vec![None; def.headers.len()];
        for (c, h) in sheet.headers.iter().enumerate() {
            if let Some(s) = match_header(n, h) {
                at[s].get_or_insert(c);
            }
        }
        let problem =
            |row: Option<usize>, column: Option<&str>, value: Option<String>, m: String| {
                // The identifier in the row's first column, to say whose record it is.
                let record = row
                    .and_then(|r| sheet.rows.get(r - 2))
                    .and_then(|cells| at[0].and_then(|c| cells.get(c)))
                    .map(|c| c.text().trim().to_string())
                    .filter(|s| !s.is_empty());
                Problem {
                    source: sheet.source.clone(),
                    row,
                    column: column.map(str::to_string),
                    value,
                    record,
                    message: m,
                }
            };
        for (s, h) in def.headers.iter().enumerate() {
            if at[s].is_none() {
                out.push(problem(None, Some(h), None, "column missing".into()));
            }
        }
        let get = |row: &[RawCell], header: &str| -> Option<RawCell> {
            let s = def.column(header)?;
            at[s].and_then(|c| row.get(c).cloned())
        };
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let dedup = DEDUP.iter().find(|d| d.0 == n).map(|d| d.1).unwrap_or(&[]);
        let mut ids = vec![];
        for (r, row) in sheet.rows.iter().enumerate() {
            if row.iter().all(RawCell::is_empty) {
                continue;
            }
            let line = r + 2;
            for (s, h) in def.headers.iter().enumerate() {
                let Some(cell) = at[s].map(|c| row.get(c).cloned().unwrap_or(RawCell::Empty))
                else {
                    continue;
                };
                if cell.is_empty() {
                    if required(n, h) {
                        out.push(problem(
                            Some(line),
                            Some(h),
                            None,
                            "must not be blank".into(),
                        ));
                    }
                    continue;
                }
                match kind(h) {
                    Kind::Text => {}
                    Kind::Int => {
                        let ok = match &cell {
                            RawCell::Number(x) => x.fract() == 0.0 && *x >= -1.0,
                            RawCell::Text(t) => t.trim().parse::<i64>().is_ok_and(|x| x >= -1),
                            _ => false,
                        };
                        if !ok {
                            out.push(problem(
                                Some(line),
                                Some(h),
                                Some(cell.text()),
                                "a whole number".into(),
                            ));
                        }
                    }
                    Kind::Date => match parse_date(&cell) {
                        None => out.push(problem(
                            Some(line),
                            Some(h),
                            Some(cell.text()),
                            "a date (dd/mm/yyyy)".into(),
                        )),
                        Some(d) if d > as_at && *h != "Date of Birth" => out.push(problem(
                            Some(line),
                            Some(h),
                            Some(cell.text()),
                            format!("a date on or before the Annex A date {}", as_at.to_dmy()),
                        )),
                        Some(_) => {}
                    },
                    Kind::Code(list) => {
                        if match_code(list, &cell.text()).is_none() && !newer_code(h, &cell.text())
                        {
                            let expected: Vec<&str> = list.cells.iter().map(|c| c.1).collect();
                            out.push(problem(
                                Some(line),
                                Some(h),
                                Some(cell.text()),
                                format!("one of the {} codes: {}", list.name, expected.join("; ")),
                            ));
                        }
                    }
                }
            }
            for (list, h, months) in WINDOWS.iter().filter(|w| w.0 == n) {
                let from = Date(add_months(as_at.0, -months));
                if let Some(d) = get(row, h).as_ref().and_then(parse_date) {
                    if d < from {
                        out.push(problem(
                            Some(line),
                            Some(h),
                            Some(d.to_dmy()),
                            format!(
                                "a date in List {list}'s period, {} to {}",
                                from.to_dmy(),
                                as_at.to_dmy()
                            ),
                        ));
                    }
                }
            }
            for (_, early, late) in ORDERS.iter().filter(|o| o.0 == n) {
                let a = get(row, early).as_ref().and_then(parse_date);
                let b = get(row, late).as_ref().and_then(parse_date);
                if let (Some(a), Some(b)) = (a, b) {
                    if b < a {
                        out.push(problem(
                            Some(line),
                            Some(late),
                            Some(b.to_dmy()),
                            format!("a date on or after \"{early}\" ({})", a.to_dmy()),
                        ));
                    }
                }
            }
            let k: Vec<String> = dedup
                .iter()
                .map(|h| get(row, h).map(|c| key_text(&c)).unwrap_or_default())
                .collect();
            if !dedup.is_empty() {
                if let Some(first) = seen.get(&k) {
                    out.push(problem(
                        Some(line),
                        Some(dedup[0]),
                        get(row, dedup[0]).map(|c| c.text()),
                        format!("the same record as row {first} (by {})", dedup.join(" + ")),
                    ));
                } else {
                    seen.insert(k, line);
                }
            }
            let id = get(row, def.headers[0]).map(|c| c.text().trim().to_string());
            if let Some(id) = id {
                ids.push(id.clone());
                if n == 7 {
                    let start = get(row, "Child Protection Plan Start Date")
                        .as_ref()
                        .and_then(parse_date);
                    // The enquiry behind a plan can end before the window opens; two months
                    // in, it cannot have.
                    if start.is_some_and(|s| s >= Date(add_months(six.0, 2))) {
                        plans_in_window.push((id, line, sheet.source.clone()));
                    }
                }
            }
        }
        if n == 5 {
            s47_children = Some(ids.into_iter().collect());
        }
    }
    // A plan that began well inside the six months began with an enquiry List 5 must show.
    if let Some(s47) = s47_children {
        for (id, line, source) in plans_in_window {
            if !s47.contains(&id) {
                out.push(Problem {
                    source,
                    row: Some(line),
                    column: Some("Child Unique ID".into()),
                    value: Some(id.clone()),
                    record: Some(id),
                    message: "a child with a section 47 enquiry or ICPC in List 5 (the plan began in the last six months)".into(),
                });
            }
        }
    }
    out
}

/// The workbook as Sightline's own Annex A: each list's columns in the spec's order, dates
/// parsed, coded cells written as the spec writes them (`b) Female` for `Female`, `F` or
/// `B) female`), so the readiness summary and the import read any council's workbook the
/// same way. A value that cannot be read is kept as text; `check` is what reports it.
pub fn to_annex_a(wb: &Workbook, as_at: Date) -> AnnexA {
    let lists = LISTS
        .iter()
        .map(|def| {
            let Some(sheet) = wb
                .lists
                .get(def.number as usize - 1)
                .and_then(Option::as_ref)
            else {
                return Vec::new();
            };
            let at: Vec<Option<usize>> = def
                .headers
                .iter()
                .enumerate()
                .map(|(i, _)| {
                    sheet
                        .headers
                        .iter()
                        .position(|h| match_header(def.number, h) == Some(i))
                })
                .collect();
            sheet
                .rows
                .iter()
                .map(|row| {
                    def.headers
                        .iter()
                        .zip(&at)
                        .map(|(header, col)| {
                            let raw = col.and_then(|c| row.get(c)).unwrap_or(&RawCell::Empty);
                            canonical(header, raw)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    AnnexA { as_at, lists }
}

fn canonical(header: &str, raw: &RawCell) -> Cell {
    if raw.is_empty() {
        return Cell::Empty;
    }
    match kind(header) {
        Kind::Date => parse_date(raw).map_or_else(|| Cell::Text(raw.text()), Cell::Date),
        Kind::Int => match raw {
            RawCell::Number(n) if n.fract() == 0.0 => Cell::Int(*n as i64),
            other => other
                .text()
                .trim()
                .parse()
                .map_or_else(|_| Cell::Text(other.text()), Cell::Int),
        },
        Kind::Code(list) => {
            let text = raw.text();
            match match_code(list, &text).and_then(|code| list.cell(code)) {
                Some(cell) => Cell::Text(cell.to_string()),
                None => Cell::Text(text.trim().to_string()),
            }
        }
        Kind::Text => Cell::Text(raw.text().trim().to_string()),
    }
}
