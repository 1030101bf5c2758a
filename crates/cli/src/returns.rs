//! `export cin|903` and `import cin|903`: the DfE returns derived from, and loaded into, the store.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use clap::Subcommand;
use model::{CaseModel, CollectionYear};

use crate::progress::Bars;
use crate::runtime;

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Derive the CIN census XML for a collection year from a snapshot.
    Cin {
        #[command(flatten)]
        from: ReturnSource,
        #[arg(long)]
        out: PathBuf,
    },
    /// Derive the SSDA903 return for a collection year: one CSV per table in DIR.
    #[command(name = "903")]
    Ssda903 {
        #[command(flatten)]
        from: ReturnSource,
        /// Output directory for the CSV files.
        #[arg(long)]
        out: PathBuf,
        /// Also write the return as one XML file, SSDA903.xml, in the same directory.
        #[arg(long)]
        xml: bool,
    },
    /// Derive Ofsted's Annex A (Lists 1 to 11) at a date: one xlsx workbook, or one CSV per list.
    #[command(name = "annex-a")]
    AnnexA(crate::annex_a::ExportArgs),
    /// Each child's events across Annex A Lists 1 to 8 in date order, as one CSV.
    Journeys(crate::annex_a::JourneyArgs),
}

/// Which year's return, from which snapshot.
#[derive(clap::Args)]
pub struct ReturnSource {
    /// Collection year, e.g. 2025-26.
    #[arg(long)]
    year: CollectionYear,
    /// Snapshot to export (default: the latest).
    #[arg(long)]
    snapshot: Option<i64>,
}

impl ReturnSource {
    /// Checks the year, then loads the snapshot (audited as `action`, writing to `out`):
    /// `(year, snapshot id, model)`.
    fn load(
        &self,
        database: &str,
        action: &str,
        out: &Path,
        bars: &Bars,
    ) -> Result<(CollectionYear, i64, CaseModel)> {
        check_year(self.year)?;
        let detail = format!("{} to {}", self.year, out.display());
        let (id, model) = load_model(database, self.snapshot, action, &detail, bars)?;
        Ok((self.year, id, model))
    }
}

/// Loads a snapshot (the latest when none is given).
/// Loads a snapshot's case model to produce child-level output, recording the `action` and
/// its `detail` (the output and its date, never a child) in the audit log first.
pub fn load_model(
    database: &str,
    snapshot: Option<i64>,
    action: &str,
    detail: &str,
    bars: &Bars,
) -> Result<(i64, CaseModel)> {
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        let id = match snapshot {
            Some(id) => id,
            None => store
                .latest_snapshot()
                .await?
                .ok_or_else(|| anyhow!("the store has no snapshots yet: import one first"))?,
        };
        // Checks the snapshot exists before recording its use.
        store.snapshot(id).await?;
        store.audit(&actor(), action, Some(id), detail).await?;
        let spinner = bars.spinner(format!("Loading snapshot {id}"));
        let model = store.load(id).await?;
        spinner.finish_and_clear();
        store.close().await;
        Ok((id, model))
    })
}

/// Who is running the command, for the audit log: `SIGHTLINE_ACTOR` (set by a wrapper that
/// knows the signed-in user), else the operating-system user.
pub fn actor() -> String {
    ["SIGHTLINE_ACTOR", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".into())
}

fn check_year(year: CollectionYear) -> Result<()> {
    if !year.is_supported() {
        return Err(anyhow!(
            "collection year {year} is not supported (Sightline writes 2022-23 to 2026-27)"
        ));
    }
    Ok(())
}

pub fn export(database: &str, cmd: ExportCommand, bars: &Bars) -> Result<()> {
    match cmd {
        ExportCommand::AnnexA(args) => crate::annex_a::export(database, args, bars),
        ExportCommand::Journeys(args) => crate::annex_a::export_journeys(database, args, bars),
        ExportCommand::Cin { from, out } => {
            let (year, id, model) = from.load(database, "export cin", &out, bars)?;
            let t0 = Instant::now();
            let census = formats::cin::derive(&model, year);
            let bytes = formats::cin::write(&census);
            write_file(&out, &bytes)?;
            eprintln!(
                "Wrote the {year} CIN census for snapshot {id}: {} children, {} referrals, to {} in {:.1}s",
                census.children.len(),
                census.children.iter().map(|c| c.details.len()).sum::<usize>(),
                out.display(),
                t0.elapsed().as_secs_f64()
            );
            Ok(())
        }
        ExportCommand::Ssda903 { from, out, xml } => {
            let (year, id, model) = from.load(database, "export 903", &out, bars)?;
            let t0 = Instant::now();
            let ret = formats::ssda903::derive(&model, year);
            for f in ret.write_csv() {
                write_file(&out.join(&f.name), &f.bytes)?;
            }
            if xml {
                write_file(&out.join("SSDA903.xml"), &formats::ssda903::write_xml(&ret))?;
            }
            eprintln!(
                "Wrote the {year} SSDA903 return for snapshot {id}: {} children, {} episodes, to {} in {:.1}s",
                ret.header.len(),
                ret.episodes.len(),
                out.display(),
                t0.elapsed().as_secs_f64()
            );
            Ok(())
        }
    }
}

pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// Reads a CIN census file and imports it as one snapshot (all or nothing).
pub fn import_cin(
    database: &str,
    file: &Path,
    year: Option<CollectionYear>,
    label: Option<String>,
    bars: &Bars,
) -> Result<i64> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let name = file.display().to_string();
    let spinner = bars.spinner(format!("Reading and checking {name}"));
    let intake = formats::intake::cin(&name, &bytes, year)?;
    spinner.finish_and_clear();
    store_intake(database, &intake, "cin", &name, label, bars)
}

/// A file, or the CSV files of a directory (sorted), read into memory by file name.
pub fn read_files(path: &Path) -> Result<Vec<formats::intake::NamedFile>> {
    let base = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    if !path.is_dir() {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        return Ok(vec![(base(path), bytes)]);
    }
    let mut paths = vec![];
    for entry in std::fs::read_dir(path).with_context(|| format!("reading {}", path.display()))? {
        let p = entry?.path();
        if p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")) {
            paths.push(p);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(anyhow!(
            "{}: no CSV files in this directory",
            path.display()
        ));
    }
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
            Ok((base(&p), bytes))
        })
        .collect()
}

/// Reads a 903 return (a CSV directory or an XML file), and last year's if given, and imports
/// it as one snapshot (all or nothing).
pub fn import_903(
    database: &str,
    path: &Path,
    year: CollectionYear,
    la_code: &str,
    prev: Option<&Path>,
    label: Option<String>,
    bars: &Bars,
) -> Result<i64> {
    check_year(year)?;
    let spinner = bars.spinner(format!("Reading and checking {}", path.display()));
    let current = read_files(path)?;
    let previous = match prev {
        Some(p) => read_files(p)?,
        None => vec![],
    };
    let intake = formats::intake::ssda903(&current, &previous, year, la_code)?;
    spinner.finish_and_clear();
    let name = path.display().to_string();
    store_intake(database, &intake, "903", &name, label, bars)
}

/// Writes what an import read as one snapshot (all or nothing).
pub fn store_intake(
    database: &str,
    intake: &formats::intake::Intake,
    kind: &str,
    source: &str,
    label: Option<String>,
    bars: &Bars,
) -> Result<i64> {
    let (model, files) = (&intake.model, &intake.files);
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        let bar = bars.bar("Importing", 0);
        let id = store
            .import(
                &model.tables,
                &model.la,
                files,
                store::ImportMeta {
                    kind,
                    source,
                    label: label.as_deref(),
                },
                &|table, rows, total| {
                    bar.set_length(total);
                    bar.set_message(table.to_string());
                    bar.inc(rows);
                },
            )
            .await;
        bar.finish_and_clear();
        store.close().await;
        Ok::<_, anyhow::Error>(id?)
    })
}
