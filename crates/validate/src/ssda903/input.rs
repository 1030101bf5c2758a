//! Reading a 903 return the way the DfE's validator does: CSV files recognised by their
//! exact set of columns, or the XML return; every value a string, upper-cased, an empty
//! cell missing.

use super::{Tables, T};
use crate::table::Table;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text (save it as CSV UTF-8)")]
    NotUtf8 { path: PathBuf },
    #[error("{path}, row {row}: {message}")]
    Csv {
        path: PathBuf,
        row: u64,
        message: String,
    },
    #[error("{path}: columns [{found}] match no 903 table (each table's file must have exactly its columns)")]
    UnknownColumns { path: PathBuf, found: String },
    #[error("{path} and {other} are both the {table} table")]
    Duplicate {
        path: PathBuf,
        other: PathBuf,
        table: &'static str,
    },
    #[error("{path}, line {line}: XML: {message}")]
    Xml {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: no .csv or .xml files")]
    Empty { path: PathBuf },
}

/// A file that was read and the table it became.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub path: PathBuf,
    pub table: T,
    pub rows: usize,
}

fn table_for(columns: &[String], last: bool) -> Option<T> {
    let mut found: Vec<&str> = columns.iter().map(String::as_str).collect();
    found.sort_unstable();
    T::CURRENT
        .iter()
        .find(|t| {
            let mut want = t.columns().to_vec();
            want.sort_unstable();
            want == found
        })
        .map(|&t| if last { t.last() } else { t })
}

/// Reads one CSV's text into the table its columns name.
pub fn read_csv_text(path: &Path, text: &str, last: bool) -> Result<(T, Table), InputError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_err = |e: csv::Error| InputError::Csv {
        path: path.into(),
        row: e.position().map_or(0, |p| p.line()),
        message: e.to_string(),
    };
    let names: Vec<String> = rdr
        .headers()
        .map_err(csv_err)?
        .iter()
        .map(String::from)
        .collect();
    let t = table_for(&names, last).ok_or_else(|| InputError::UnknownColumns {
        path: path.into(),
        found: names.join(", "),
    })?;
    let mut table = Table::new(names);
    let mut record = csv::StringRecord::new();
    while rdr.read_record(&mut record).map_err(csv_err)? {
        // pandas skips lines with no characters at all.
        if record.len() == 1 && record[0].is_empty() {
            continue;
        }
        // Most cells are upper case already; only the rest are copied.
        let upper: Vec<std::borrow::Cow<str>> = record
            .iter()
            .map(|c| {
                if c.bytes().any(|b| b.is_ascii_lowercase() || !b.is_ascii()) {
                    std::borrow::Cow::Owned(c.to_uppercase())
                } else {
                    std::borrow::Cow::Borrowed(c)
                }
            })
            .collect();
        table.push_row(upper.iter().map(|c| c.as_ref()));
    }
    table.shrink_to_fit();
    Ok((t, table))
}

/// Reads every `.csv` in `dir` (this year's tables, or last year's when `last`).
pub fn read_csv_dir(
    dir: &Path,
    last: bool,
    into: &mut Tables,
) -> Result<Vec<LoadedFile>, InputError> {
    let io = |e| InputError::Io {
        path: dir.into(),
        source: e,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("xml"))
        })
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(InputError::Empty { path: dir.into() });
    }
    // Each file is read and parsed on its own core; they are then taken in name order, so
    // a duplicate table is reported against the same file whatever the timing.
    type Parsed = Result<(PathBuf, Vec<(T, Table)>), InputError>;
    let parsed: Vec<Parsed> = {
        use rayon::prelude::*;
        paths
            .into_par_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).map_err(|e| InputError::Io {
                    path: path.clone(),
                    source: e,
                })?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| InputError::NotUtf8 { path: path.clone() })?;
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let is_xml = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
                let tables = if is_xml {
                    super::xml::read(&path, text, last)?
                } else {
                    vec![read_csv_text(&path, text, last)?]
                };
                Ok((path, tables))
            })
            .collect()
    };
    let mut loaded: Vec<LoadedFile> = Vec::new();
    for file in parsed {
        let (path, tables) = file?;
        for (t, table) in tables {
            if let Some(prev) = loaded.iter().find(|f| f.table == t) {
                return Err(InputError::Duplicate {
                    path,
                    other: prev.path.clone(),
                    table: t.name(),
                });
            }
            loaded.push(LoadedFile {
                path: path.clone(),
                table: t,
                rows: table.len(),
            });
            into.insert(t, table);
        }
    }
    Ok(loaded)
}

/// Reads an XML return file on its own.
pub fn read_xml(path: &Path, last: bool, into: &mut Tables) -> Result<Vec<LoadedFile>, InputError> {
    let text = std::fs::read_to_string(path).map_err(|e| InputError::Io {
        path: path.into(),
        source: e,
    })?;
    let mut loaded = Vec::new();
    for (t, table) in super::xml::read(path, &text, last)? {
        loaded.push(LoadedFile {
            path: path.into(),
            table: t,
            rows: table.len(),
        });
        into.insert(t, table);
    }
    Ok(loaded)
}
