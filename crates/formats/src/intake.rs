//! An import's files, held in memory, read into a case model with their provenance. The CLI
//! (files on disk) and the web application (uploads) both import through here, so a file
//! gives the same snapshot, or the same error, whichever way it arrives.

use std::io::Read;

use model::{CaseModel, CollectionYear, Date, LaInfo};

use crate::ssd::{sha256_hex, SourceFile};
use crate::ReadError;

/// A file by name (no folder) and content.
pub type NamedFile = (String, Vec<u8>);

/// What an import read: the model to store and the files it came from.
#[derive(Debug, Clone)]
pub struct Intake {
    pub model: CaseModel,
    pub files: Vec<SourceFile>,
    /// Problems found and accepted (Annex A with `accept_problems`), for the importer to show.
    pub accepted_problems: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{0}")]
    Refused(String),
}

/// The entries of a zip archive as files, folders dropped from their names (an SSD extract is
/// often zipped as its folder). Refuses archives that would unpack to more than `max_bytes`,
/// so a small upload cannot fill memory, and two entries with the same file name.
pub fn unzip(name: &str, bytes: &[u8], max_bytes: u64) -> Result<Vec<NamedFile>, ReadError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::file(name, format!("a zip archive ({e})")))?;
    let mut files: Vec<NamedFile> = vec![];
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| ReadError::file(name, format!("a readable zip archive ({e})")))?;
        if entry.is_dir() {
            continue;
        }
        let path = entry
            .name()
            .map_err(|e| ReadError::file(name, format!("entry names a zip can hold ({e})")))?
            .replace('\\', "/");
        let base = path.rsplit('/').next().unwrap_or_default().to_string();
        // Folders' metadata from macOS archivers, not data.
        if base.is_empty() || base.starts_with("._") || path.starts_with("__MACOSX/") {
            continue;
        }
        let mut content = vec![];
        // Reads one byte past what is left, so an entry that lies about its size is caught.
        let left = max_bytes.saturating_sub(total);
        (&mut entry)
            .take(left + 1)
            .read_to_end(&mut content)
            .map_err(|e| {
                ReadError::file(format!("{name}: {path}"), format!("a readable entry ({e})"))
            })?;
        total += content.len() as u64;
        if total > max_bytes {
            return Err(ReadError::file(
                name,
                format!("an archive that unpacks to at most {max_bytes} bytes"),
            ));
        }
        if files.iter().any(|(n, _)| n.eq_ignore_ascii_case(&base)) {
            return Err(ReadError {
                value: Some(path),
                ..ReadError::file(
                    name,
                    "one file of each name (found twice, in different folders)",
                )
            });
        }
        files.push((base, content));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

/// A Standard Safeguarding Dataset extract: its `ssd_*.csv` files and `la.json`.
pub fn ssd(files: &[NamedFile]) -> Result<Intake, IntakeError> {
    let extract = crate::ssd::read_files(files)?;
    let Some(la) = extract.la else {
        return Err(IntakeError::Refused(format!(
            "the extract has no {}: it names the authority (la_code, la_name, child_population, as_at)",
            crate::ssd::LA_FILE
        )));
    };
    Ok(Intake {
        model: CaseModel {
            la,
            tables: extract.tables,
        },
        files: extract.files,
        accepted_problems: vec![],
    })
}

/// A CIN census XML file; `year` checks the census's own collection year when given.
pub fn cin(name: &str, bytes: &[u8], year: Option<CollectionYear>) -> Result<Intake, IntakeError> {
    let census = crate::cin::read(name, bytes, year)?;
    let (tables, la) = crate::cin::into_tables(&census, name)?;
    let files = vec![source_file(name, bytes, census.children.len() as u64)];
    checked(CaseModel { la, tables }, files, name)
}

/// An SSDA903 return (its CSV files, recognised by their columns, or one XML file), with last
/// year's when given. The files do not carry the LA, so `la_code` (the three-digit DfE LA
/// number) does.
pub fn ssda903(
    current: &[NamedFile],
    previous: &[NamedFile],
    year: CollectionYear,
    la_code: &str,
) -> Result<Intake, IntakeError> {
    if la_code.len() != 3 || !la_code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IntakeError::Refused(format!(
            "the LA code must be the three-digit DfE LA number (got `{la_code}`)"
        )));
    }
    let (mut ret, mut files) = read_903(current, year)?;
    if !previous.is_empty() {
        let (last, prev_files) = read_903(previous, year.previous())?;
        ret = crate::ssda903::merge(last, ret);
        files.extend(prev_files.into_iter().map(|mut s| {
            s.name = format!("previous/{}", s.name);
            s
        }));
    }
    let name = current
        .first()
        .map(|(n, _)| n.as_str())
        .unwrap_or("SSDA903");
    let (tables, la) = crate::ssda903::into_tables(&ret, la_code, name)?;
    checked(CaseModel { la, tables }, files, name)
}

fn read_903(
    files: &[NamedFile],
    year: CollectionYear,
) -> Result<(crate::ssda903::Return903, Vec<SourceFile>), ReadError> {
    match files {
        [] => Err(ReadError::file(
            "SSDA903",
            "the return's CSV files or its XML file",
        )),
        [(name, bytes)] if name.to_ascii_lowercase().ends_with(".xml") => {
            let ret = crate::ssda903::read_xml(name, bytes, year)?;
            let rows = ret.header.len() as u64;
            Ok((ret, vec![source_file(name, bytes, rows)]))
        }
        _ => {
            let csv: Vec<crate::ssda903::CsvFile> = files
                .iter()
                .map(|(name, bytes)| crate::ssda903::CsvFile {
                    name: name.clone(),
                    bytes: bytes.clone(),
                })
                .collect();
            let ret = crate::ssda903::Return903::read_csv(year, &csv)?;
            let sources = files
                .iter()
                .map(|(n, b)| source_file(n, b, data_rows(b)))
                .collect();
            Ok((ret, sources))
        }
    }
}

/// What an Annex A does not say about the authority, and how strictly to read it.
#[derive(Debug, Clone)]
pub struct AnnexAOptions {
    /// The lists' date; when absent, the latest contact or referral date in them.
    pub as_at: Option<Date>,
    pub la_code: String,
    pub la_name: String,
    pub child_population: u64,
    /// Import even when the check finds problems (rows are read as far as they can be).
    pub accept_problems: bool,
}

/// A council's own Annex A: one xlsx workbook, or one CSV file per list. It is checked first
/// and refused if the check finds problems, unless they are accepted.
pub fn annex_a(files: &[NamedFile], opts: &AnnexAOptions) -> Result<Intake, IntakeError> {
    let (workbook, source) = match files {
        [(name, bytes)] if !name.to_ascii_lowercase().ends_with(".csv") => {
            (crate::annex_a::read_xlsx(name, bytes)?, name.clone())
        }
        [] => return Err(ReadError::file("Annex A", "an xlsx workbook or its CSV files").into()),
        _ => {
            let mut sorted = files.to_vec();
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            (
                crate::annex_a::read_csv_files(&sorted)?,
                "Annex A CSV files".to_string(),
            )
        }
    };
    let as_at = opts
        .as_at
        .or_else(|| crate::annex_a::latest_date(&workbook))
        .ok_or_else(|| {
            IntakeError::Refused(format!(
                "{source} has no contact or referral dates: give the as-at date"
            ))
        })?;
    let problems: Vec<String> = crate::annex_a::check(&workbook, as_at)
        .iter()
        .map(|p| p.to_string())
        .collect();
    if !problems.is_empty() && !opts.accept_problems {
        let first: Vec<&str> = problems.iter().take(20).map(String::as_str).collect();
        return Err(IntakeError::Refused(format!(
            "{source}: {} problems; nothing imported. Fix them, or import anyway accepting them. \
             The first {}: {}",
            problems.len(),
            first.len(),
            first.join("; ")
        )));
    }
    let annex = crate::annex_a::to_annex_a(&workbook, as_at);
    let la = LaInfo {
        la_code: opts.la_code.clone(),
        la_name: opts.la_name.clone(),
        child_population: opts.child_population,
        as_at,
    };
    let model = crate::annex_a::to_model(&annex, la)
        .map_err(|e| IntakeError::Refused(format!("{source}: {e}")))?;
    let workbook_rows: u64 = workbook
        .lists
        .iter()
        .flatten()
        .map(|s| s.rows.len() as u64)
        .sum();
    let sources = files
        .iter()
        .map(|(n, b)| {
            let rows = if n.to_ascii_lowercase().ends_with(".csv") {
                data_rows(b)
            } else {
                workbook_rows
            };
            source_file(n, b, rows)
        })
        .collect();
    let mut intake = checked(model, sources, &source)?;
    intake.accepted_problems = problems;
    Ok(intake)
}

/// Keys and links are checked over the whole model before anything is stored.
fn checked(model: CaseModel, files: Vec<SourceFile>, name: &str) -> Result<Intake, IntakeError> {
    if let Some(e) = model.tables.check_integrity().first() {
        return Err(IntakeError::Refused(format!("{name}: {e}")));
    }
    Ok(Intake {
        model,
        files,
        accepted_problems: vec![],
    })
}

/// The provenance of one file: its name without folders, hash and row count.
pub fn source_file(name: &str, bytes: &[u8], rows: u64) -> SourceFile {
    SourceFile {
        name: name.rsplit(['/', '\\']).next().unwrap_or(name).to_string(),
        sha256: sha256_hex(bytes),
        rows,
    }
}

/// Lines after a CSV's header row.
pub fn data_rows(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        .saturating_sub(1) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(vec![]);
        {
            let mut w = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default();
            for (n, b) in entries {
                w.start_file(*n, opts).unwrap();
                w.write_all(b).unwrap();
            }
            w.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn unzip_drops_folders_and_macos_metadata() {
        let z = zip_of(&[
            ("extract/ssd_person.csv", b"a\n"),
            ("__MACOSX/extract/._ssd_person.csv", b"junk"),
            ("extract/la.json", b"{}"),
        ]);
        let files = unzip("x.zip", &z, 1 << 20).unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["la.json", "ssd_person.csv"]);
    }

    #[test]
    fn unzip_refuses_archives_too_large_when_unpacked_and_repeated_names() {
        let big = vec![b'x'; 10_000];
        let z = zip_of(&[("a.csv", &big)]);
        let e = unzip("x.zip", &z, 9_999).unwrap_err();
        assert!(e.expected.contains("at most 9999 bytes"), "{e}");
        assert!(unzip("x.zip", &z, 10_000).is_ok());
        let z = zip_of(&[("a/ssd_person.csv", b"1"), ("b/ssd_person.csv", b"2")]);
        assert!(unzip("x.zip", &z, 1 << 20).is_err());
        assert!(unzip("x.zip", b"not a zip", 1 << 20).is_err());
    }

    #[test]
    fn a_903_needs_a_three_digit_la_code_and_some_files() {
        let y = CollectionYear::ending(2025);
        assert!(matches!(
            ssda903(&[], &[], y, "E08000018"),
            Err(IntakeError::Refused(m)) if m.contains("three-digit")
        ));
        assert!(matches!(
            ssda903(&[], &[], y, "372"),
            Err(IntakeError::Read(_))
        ));
    }

    #[test]
    fn source_files_are_named_without_folders() {
        let s = source_file("/tmp/x/header.csv", b"A\n1\n2\n", data_rows(b"A\n1\n2\n"));
        assert_eq!(s.name, "header.csv");
        assert_eq!(s.rows, 2);
    }
}
