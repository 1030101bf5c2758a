//! Standard Safeguarding Dataset extracts: one CSV per table, named `<ssd table>.csv`, with the
//! SSD column names as the header row, plus an optional `la.json` describing the authority.
//!
//! Reading is strict about meaning (codes, dates, identifiers, keys and links are checked) and
//! tolerant about form (column order, a UTF-8 byte-order mark, optional columns left out).

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use model::{CaseModel, LaInfo, Table, TableSource, TableVisitor, Tables};
use sha2::{Digest, Sha256};

use crate::ReadError;

/// Name of the file that carries [`LaInfo`] beside the tables.
pub const LA_FILE: &str = "la.json";

/// A file that was read, for the import's provenance record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub name: String,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    pub rows: u64,
}

/// An extract read from disk.
#[derive(Debug, Clone)]
pub struct Extract {
    pub tables: Tables,
    pub la: Option<LaInfo>,
    pub files: Vec<SourceFile>,
}

/// The file name that holds table `T`.
pub fn file_name<T: Table>() -> String {
    format!("{}.csv", T::NAME)
}

/// Writes one table as CSV with the SSD header row.
pub fn write_table<T: Table, W: Write>(rows: &[T], out: W) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    w.write_record(T::COLUMNS.iter().map(|c| c.name))?;
    for r in rows {
        w.serialize(r)?;
    }
    w.flush()?;
    Ok(())
}

/// Writes every table of `model` and `la.json` into `dir` (created if needed). Output is
/// byte-for-byte determined by the model, so the same model always gives the same files.
pub fn write_dir(model: &CaseModel, dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    std::fs::create_dir_all(dir)?;
    struct W<'a> {
        dir: &'a Path,
        files: Vec<SourceFile>,
        err: Option<std::io::Error>,
    }
    impl TableVisitor for W<'_> {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            if self.err.is_some() {
                return;
            }
            let mut buf = Vec::with_capacity(rows.len() * 96);
            let res = write_table(rows, &mut buf)
                .map_err(std::io::Error::other)
                .and_then(|_| std::fs::write(self.dir.join(file_name::<T>()), &buf));
            match res {
                Ok(()) => self.files.push(SourceFile {
                    name: file_name::<T>(),
                    sha256: sha256_hex(&buf),
                    rows: rows.len() as u64,
                }),
                Err(e) => self.err = Some(e),
            }
        }
    }
    let mut w = W {
        dir,
        files: vec![],
        err: None,
    };
    model.tables.visit(&mut w);
    if let Some(e) = w.err {
        return Err(e);
    }
    let la = serde_json::to_vec_pretty(&model.la).map_err(std::io::Error::other)?;
    std::fs::write(dir.join(LA_FILE), &la)?;
    w.files.push(SourceFile {
        name: LA_FILE.into(),
        sha256: sha256_hex(&la),
        rows: 1,
    });
    Ok(w.files)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Reads one table from the bytes of its CSV file. `file` names the file in messages.
pub fn read_table<T: Table>(file: &str, bytes: &[u8]) -> Result<Vec<T>, ReadError> {
    let text = check_encoding(file, bytes)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text);
    let headers = rdr
        .headers()
        .map_err(|e| csv_error(file, e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    check_header::<T>(file, &headers)?;
    let header_record = csv::StringRecord::from(headers.clone());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(file, e)),
        }
        let line = record.position().map(|p| p.line());
        match record.deserialize::<T>(Some(&header_record)) {
            Ok(row) => rows.push(row),
            Err(e) => {
                let csv::ErrorKind::Deserialize { err, .. } = e.kind() else {
                    return Err(csv_error(file, e));
                };
                let expected = deserialize_message(err);
                let idx = err
                    .field()
                    .map(|i| i as usize)
                    .or_else(|| locate_cell(&record, &expected));
                return Err(ReadError {
                    file: file.to_string(),
                    line,
                    column: idx.and_then(|i| headers.get(i).cloned()),
                    value: idx.and_then(|i| record.get(i).map(str::to_string)),
                    expected,
                });
            }
        }
    }
    Ok(rows)
}

/// Rejects input that is not UTF-8 text before the CSV parser sees it, so the message says
/// what is wrong with the file rather than with some cell.
fn check_encoding<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a [u8], ReadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ReadError::file(
            file,
            "the file is UTF-16 encoded; expected UTF-8 (save it as 'CSV UTF-8')",
        ));
    }
    if bytes.contains(&0) {
        return Err(ReadError::file(
            file,
            "the file is binary (it contains NUL bytes); expected a UTF-8 CSV text file",
        ));
    }
    if bytes.is_empty() {
        return Err(ReadError::file(
            file,
            "the file is empty; expected a header row",
        ));
    }
    Ok(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes))
}

fn check_header<T: Table>(file: &str, headers: &[String]) -> Result<(), ReadError> {
    let known: HashSet<&str> = T::COLUMNS.iter().map(|c| c.name).collect();
    let mut seen = HashSet::new();
    for (i, h) in headers.iter().enumerate() {
        if !seen.insert(h.as_str()) {
            return Err(ReadError {
                file: file.into(),
                line: Some(1),
                column: Some(h.clone()),
                value: None,
                expected: format!("column {} appears twice in the header", i + 1),
            });
        }
        if !known.contains(h.as_str()) {
            return Err(ReadError {
                file: file.into(),
                line: Some(1),
                column: Some(h.clone()),
                value: None,
                expected: format!(
                    "unknown column for {}; expected columns: {}",
                    T::NAME,
                    column_list::<T>()
                ),
            });
        }
    }
    for c in T::COLUMNS.iter().filter(|c| !c.nullable) {
        if !seen.contains(c.name) {
            return Err(ReadError {
                file: file.into(),
                line: Some(1),
                column: Some(c.name.into()),
                value: None,
                expected: format!("required column {} is missing from the header", c.name),
            });
        }
    }
    Ok(())
}

fn column_list<T: Table>() -> String {
    T::COLUMNS
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn csv_error(file: &str, e: csv::Error) -> ReadError {
    let line = e.position().map(|p| p.line());
    let expected = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!(
            "field {} is not valid UTF-8; expected UTF-8 text (was the file saved in another encoding?)",
            err.field() + 1
        ),
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "the row has {len} fields but the header has {expected_len} (a truncated or mis-quoted row?)"
        ),
        _ => e.to_string(),
    };
    ReadError {
        file: file.into(),
        line,
        column: None,
        value: None,
        expected,
    }
}

/// Errors raised inside a field's own parser (codes, dates, ids) quote the offending value
/// in backticks but carry no field index; find the cell that holds that value.
fn locate_cell(record: &csv::StringRecord, message: &str) -> Option<usize> {
    let mut parts = message.splitn(3, '`');
    let (_, quoted) = (parts.next()?, parts.next()?);
    parts.next()?;
    record.iter().position(|cell| cell == quoted)
}

fn deserialize_message(e: &csv::DeserializeError) -> String {
    match e.kind() {
        csv::DeserializeErrorKind::Message(m) if m.contains("is empty") => {
            format!("a value is required here ({m})")
        }
        csv::DeserializeErrorKind::Message(m) => m.clone(),
        csv::DeserializeErrorKind::ParseInt(_) => "expected a whole number".into(),
        csv::DeserializeErrorKind::ParseFloat(_) => "expected a number".into(),
        other => format!("{other:?}"),
    }
}

/// Reads a whole extract from a directory: every `ssd_*.csv` it knows, `la.json` if present.
/// `ssd_person.csv` is required; other tables may be absent (they are then empty). A file whose
/// name is not a known SSD table is an error rather than silently ignored.
pub fn read_dir(dir: &Path) -> Result<Extract, ReadError> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        ReadError::file(
            dir.display().to_string(),
            format!("cannot read directory: {e}"),
        )
    })?;
    let mut present: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    present.sort();
    let mut files = vec![];
    for p in present {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name == LA_FILE || name.to_ascii_lowercase().ends_with(".csv") {
            let bytes = std::fs::read(&p)
                .map_err(|e| ReadError::file(&name, format!("cannot read file: {e}")))?;
            files.push((name, bytes));
        }
    }
    read_files(&files)
}

/// Reads a whole extract from named files held in memory (an upload, a zip's entries), as
/// [`read_dir`] does from a directory: names are file names without any folder.
pub fn read_files(present: &[(String, Vec<u8>)]) -> Result<Extract, ReadError> {
    for (name, _) in present {
        let known = name == LA_FILE
            || Tables::NAMES
                .iter()
                .any(|t| name.eq_ignore_ascii_case(&format!("{t}.csv")));
        if !known && name.to_ascii_lowercase().ends_with(".csv") {
            return Err(ReadError::file(
                name,
                format!(
                    "not an SSD table file; expected one of: {}",
                    Tables::NAMES.join(".csv, ") + ".csv"
                ),
            ));
        }
    }
    struct Source<'a> {
        present: &'a [(String, Vec<u8>)],
        files: Vec<SourceFile>,
    }
    impl TableSource for Source<'_> {
        type Error = ReadError;
        fn table<T: Table>(&mut self) -> Result<Vec<T>, ReadError> {
            let wanted = file_name::<T>();
            let Some((name, bytes)) = self
                .present
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&wanted))
            else {
                if T::NAME == "ssd_person" {
                    return Err(ReadError::file(wanted, "required file is missing"));
                }
                return Ok(vec![]);
            };
            let rows = read_table::<T>(name, bytes)?;
            self.files.push(SourceFile {
                name: name.clone(),
                sha256: sha256_hex(bytes),
                rows: rows.len() as u64,
            });
            Ok(rows)
        }
    }
    let mut src = Source {
        present,
        files: vec![],
    };
    let tables = Tables::assemble(&mut src)?;
    let mut files = src.files;
    let la = match present.iter().find(|(n, _)| n == LA_FILE) {
        Some((_, bytes)) => {
            let la: LaInfo = serde_json::from_slice(bytes).map_err(|e| ReadError {
                file: LA_FILE.into(),
                line: Some(e.line() as u64),
                column: None,
                value: None,
                expected: format!("expected la_code, la_name, child_population and as_at: {e}"),
            })?;
            files.push(SourceFile {
                name: LA_FILE.into(),
                sha256: sha256_hex(bytes),
                rows: 1,
            });
            Some(la)
        }
        None => None,
    };
    // Keys and links are checked over the whole extract so a row pointing at nothing is caught.
    if let Some(err) = tables.check_integrity().into_iter().next() {
        return Err(integrity_to_read_error(err));
    }
    Ok(Extract { tables, la, files })
}

/// Data rows start on line 2 of each file (line 1 is the header).
fn integrity_to_read_error(err: model::IntegrityError) -> ReadError {
    match err {
        model::IntegrityError::DuplicateKey {
            table,
            row,
            column,
            value,
            first_row,
        } => ReadError {
            file: format!("{table}.csv"),
            line: Some(row as u64 + 2),
            column: Some(column.into()),
            value: Some(value),
            expected: format!(
                "a unique primary key (the same value is on line {})",
                first_row + 2
            ),
        },
        model::IntegrityError::DanglingReference {
            table,
            row,
            column,
            value,
            target,
        } => ReadError {
            file: format!("{table}.csv"),
            line: Some(row as u64 + 2),
            column: Some(column.into()),
            value: Some(value),
            expected: format!("a key that exists in {target}"),
        },
    }
}
