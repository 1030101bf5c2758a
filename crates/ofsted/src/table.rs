//! Files as rows of text cells: CSV and spreadsheets (xlsx, xls, ods) read the same way, so
//! each layout is parsed once. Spreadsheet dates become ISO text.

use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::{Duration, NaiveDate};

use crate::error::{OfstedError, Result};

/// One sheet (or a CSV file): a header row and data rows; `first_row` is the 1-based row
/// number of the first data row in the source, for messages.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub file: String,
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub first_row: usize,
}

impl Sheet {
    /// Index of the first column whose normalised header is one of `names`.
    pub fn col(&self, names: &[&str]) -> Option<usize> {
        let norm: Vec<String> = self.headers.iter().map(|h| norm(h)).collect();
        names
            .iter()
            .find_map(|n| norm.iter().position(|h| h == &norm_str(n)))
    }

    /// As `col`, but the header only has to contain one of `parts` (and none of `not`).
    pub fn col_containing(&self, parts: &[&str], not: &[&str]) -> Option<usize> {
        self.headers.iter().position(|h| {
            let h = norm(h);
            parts.iter().any(|p| h.contains(&norm_str(p)))
                && !not.iter().any(|n| h.contains(&norm_str(n)))
        })
    }

    pub fn require(&self, names: &[&str], expected: &str) -> Result<usize> {
        self.col(names).ok_or_else(|| OfstedError::MissingColumn {
            file: self.label(),
            column: names[0].to_string(),
            expected: expected.to_string(),
        })
    }

    pub fn label(&self) -> String {
        if self.name.is_empty() {
            self.file.clone()
        } else {
            format!("{} sheet {}", self.file, self.name)
        }
    }
}

fn norm_str(s: &str) -> String {
    norm(s)
}

/// Lower case, BOM and surrounding space removed, inner runs of space made one.
pub fn norm(s: &str) -> String {
    s.trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Sheet> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = Vec::new();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| OfstedError::Unreadable {
            file: file.to_string(),
            why: format!("CSV row {}: {e}", i + 1),
        })?;
        records.push(rec.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    }
    let mut it = records.into_iter();
    let headers = it.next().unwrap_or_default();
    Ok(Sheet {
        file: file.to_string(),
        name: String::new(),
        headers,
        rows: it.collect(),
        first_row: 2,
    })
}

/// Every sheet of a workbook. The header row is the first of the first 30 rows that `is_header`
/// accepts (official spreadsheets put titles and notes above the table); a sheet without one
/// is left out.
pub fn read_workbook(
    file: &str,
    bytes: &[u8],
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Vec<Sheet>> {
    // calamine can panic on some damaged workbooks; a damaged file is an error, not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_workbook_inner(file, bytes, is_header)
    }))
    .unwrap_or_else(|_| {
        Err(OfstedError::Unreadable {
            file: file.to_string(),
            why: "the spreadsheet is damaged".into(),
        })
    })
}

fn read_workbook_inner(
    file: &str,
    bytes: &[u8],
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Vec<Sheet>> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        OfstedError::Unreadable {
            file: file.to_string(),
            why: format!("not a spreadsheet ({e})"),
        }
    })?;
    let mut out = Vec::new();
    for (name, range) in book.worksheets() {
        let rows: Vec<Vec<String>> = range.rows().map(|r| r.iter().map(cell).collect()).collect();
        let Some(h) = rows.iter().take(30).position(|r| is_header(r)) else {
            continue;
        };
        let offset = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let mut it = rows.into_iter().skip(h);
        let headers = it.next().unwrap_or_default();
        out.push(Sheet {
            file: file.to_string(),
            name,
            headers,
            rows: it.collect(),
            first_row: offset + h + 2,
        });
    }
    Ok(out)
}

fn cell(c: &Data) -> String {
    match c {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => excel_date(d.as_f64())
            .map(|d| d.to_string())
            .unwrap_or_else(|| d.to_string()),
        Data::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_string(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// An Excel date serial (days since 30 December 1899).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_signed(Duration::days(serial as i64))
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number from its English name or three-letter abbreviation.
pub fn month(s: &str) -> Option<u32> {
    let s = s.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|m| *m == s || (s.len() >= 3 && m.starts_with(&s)))
        .map(|i| i as u32 + 1)
}

/// Reads `dd/mm/yyyy`, `dd/mm/yy` (20yy), ISO `yyyy-mm-dd`, "19 January 2018" and "19 Jan
/// 2018". `None` for anything else.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('/').collect();
    if parts.len() == 3 {
        let d: u32 = parts[0].trim().parse().ok()?;
        let m: u32 = parts[1].trim().parse().ok()?;
        let mut y: i32 = parts[2].trim().parse().ok()?;
        if parts[2].trim().len() == 2 {
            y += 2000;
        }
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() == 3 {
        let d: u32 = words[0].parse().ok()?;
        let m = month(words[1])?;
        let y: i32 = words[2].trim_end_matches([',', '.']).parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    None
}

/// A printed date range: "27 June to 1 July 2022", "2 to 13 December 2024", "11 – 22 July
/// 2022", "6 July 2015 – 30 July 2015", "18 November – 10 December 2014". The start takes
/// the end's month and year where it leaves them out.
pub fn parse_range(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let s = s.replace(['–', '—', '-'], " to ");
    let lower = s.to_lowercase();
    let (a, b) = lower.split_once(" to ")?;
    let b_words: Vec<&str> = b.split_whitespace().collect();
    if b_words.len() < 3 {
        return None;
    }
    let end = parse_date(&b_words[..3].join(" "))?;
    let a_words: Vec<&str> = a.split_whitespace().collect();
    let start = match a_words.len() {
        1 => NaiveDate::from_ymd_opt(
            chrono::Datelike::year(&end),
            chrono::Datelike::month(&end),
            a_words[0].parse().ok()?,
        )?,
        2 => {
            let m = month(a_words[1])?;
            let mut y = chrono::Datelike::year(&end);
            if m > chrono::Datelike::month(&end) {
                y -= 1;
            }
            NaiveDate::from_ymd_opt(y, m, a_words[0].parse().ok()?)?
        }
        _ => parse_date(&a_words[..3].join(" "))?,
    };
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn dates_and_ranges_as_printed() {
        assert_eq!(parse_date("05/09/22"), Some(d("2022-09-05")));
        assert_eq!(parse_date("19 january 2018"), Some(d("2018-01-19")));
        assert_eq!(parse_date("31/02/2022"), None);
        for (s, a, b) in [
            ("27 June to 1 July 2022", "2022-06-27", "2022-07-01"),
            ("2 to 13 December 2024", "2024-12-02", "2024-12-13"),
            ("11 – 22 July 2022", "2022-07-11", "2022-07-22"),
            ("6 July 2015 – 30 July 2015", "2015-07-06", "2015-07-30"),
            ("18 November – 10 December 2014", "2014-11-18", "2014-12-10"),
            (
                "17 September to 28 September 2018",
                "2018-09-17",
                "2018-09-28",
            ),
            (
                "24 December 2024 to 3 January 2025",
                "2024-12-24",
                "2025-01-03",
            ),
        ] {
            assert_eq!(parse_range(s), Some((d(a), d(b))), "{s}");
        }
        assert_eq!(parse_range("sometime in 2022"), None);
    }
}
