//! `validate 903` and `rules 903`: the DfE's SSDA903 validation rules run on a return (files,
//! or a snapshot in the store), and the rule pack listed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ::validate::cin;
use ::validate::engine::{self, year_label};
use ::validate::report::{Cells, Report, CHILD_SUMMARY_COLUMNS, ERROR_SUMMARY_COLUMNS};
use ::validate::ssda903::{self, Check, Ctx, FileFormat, Tables};
use anyhow::{bail, Context, Result};
use clap::Subcommand;
use model::{CollectionYear, Date};

use crate::progress::Bars;

#[derive(Subcommand)]
pub enum ValidateCommand {
    /// Run the DfE's SSDA903 validation rules on a return and write what they flag.
    ///
    /// Reads the year's return (a directory of CSV files, each table recognised by its columns,
    /// or an XML file) and optionally last year's, or derives both from a snapshot with
    /// --snapshot. Writes to OUTDIR: issues.csv (one line per flagged row; row_id is the 0-based
    /// row in its table, header excluded), error_summary.csv (one line per rule),
    /// child_summary.csv (one line per child, row and rule, with the values) and report.xlsx
    /// (the error and child summaries as sheets); with --format json, issues.json replaces the CSVs.
    /// Exits 0 whether or not anything is flagged, non-zero when the input cannot be read.
    ///
    /// --la is the authority's code as the DfE's tool takes it (e.g. E08000018). Only the
    /// rules comparing a placement provider's inferred LA with the reporting LA use it, and
    /// those need the provider lookup, so it is optional; with --snapshot it defaults to the
    /// snapshot's LA number.
    #[command(name = "903")]
    Ssda903(Args903),
    /// Run the DfE's CIN census validation rules (errors and queries) on a census XML.
    ///
    /// Reads the census XML, or derives it from a snapshot with --snapshot. Writes to OUTDIR
    /// the same files as `validate 903`: issues.csv uses the DfE validator's flattened table
    /// names (Header, ChildIdentifiers, CINdetails, Section47, ...) and its 0-based row order
    /// within each table; a finding about the return as a whole has table LA and no row_id.
    /// Exits 0 whether or not anything is flagged, non-zero when the input cannot be read.
    Cin(ArgsCin),
}

#[derive(clap::Args)]
pub struct ArgsCin {
    /// The CIN census XML file.
    #[arg(required_unless_present = "snapshot", conflicts_with = "snapshot")]
    path: Option<PathBuf>,
    /// Validate the census derived from this snapshot in the store.
    #[arg(long)]
    snapshot: Option<i64>,
    /// Collection year, e.g. 2025-26 (default: the file's Header Year; for a snapshot, the
    /// latest whose 31 March has passed).
    #[arg(long)]
    year: Option<CollectionYear>,
    /// Local authority code passed to the rules (default: the snapshot's LA number).
    #[arg(long)]
    la: Option<String>,
    /// Output directory (created if needed).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    format: OutFormat,
    /// Print how long each phase took and the slowest rules (for profiling).
    #[arg(long, hide = true)]
    timings: bool,
}

#[derive(clap::Args)]
pub struct Args903 {
    /// This year's return: a directory of CSV files or an SSDA903 XML file.
    #[arg(required_unless_present = "snapshot", conflicts_with = "snapshot")]
    path: Option<PathBuf>,
    /// Last year's return (directory or XML), for the rules that compare with it.
    #[arg(long, conflicts_with = "snapshot")]
    prev: Option<PathBuf>,
    /// Validate the return derived from this snapshot in the store (this year's and last).
    #[arg(long)]
    snapshot: Option<i64>,
    /// Collection year, e.g. 2025-26 (default: the latest whose 31 March has passed).
    #[arg(long)]
    year: Option<CollectionYear>,
    /// Local authority code passed to the rules, e.g. E08000018.
    #[arg(long)]
    la: Option<String>,
    /// Postcode lookup (CSV: postcode, upper-tier LA code, easting, northing; the ONS file's
    /// column names are accepted) from which the placement LA, in/out of area and distance are
    /// derived. Without it no postcode is known, as in the DfE's tool with an empty lookup.
    #[arg(long)]
    postcodes: Option<PathBuf>,
    /// Ofsted children's homes and/or social care providers list (xlsx), for the provider
    /// rules; give it once per file.
    #[arg(long)]
    providers: Vec<PathBuf>,
    /// Output directory (created if needed).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "csv")]
    format: OutFormat,
    /// Print how long each phase took and the slowest rules (for profiling).
    #[arg(long, hide = true)]
    timings: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq)]
enum OutFormat {
    /// issues.csv, error_summary.csv, child_summary.csv and report.xlsx.
    Csv,
    /// issues.json and report.xlsx.
    Json,
}

#[derive(Subcommand)]
pub enum RulesCommand {
    /// List the SSDA903 rules in force in a collection year.
    #[command(name = "903")]
    Ssda903 {
        /// Collection year, e.g. 2026-27 (default: the latest whose 31 March has passed).
        #[arg(long)]
        year: Option<CollectionYear>,
        /// Show every version of one rule, with its documentation.
        #[arg(long)]
        code: Option<String>,
        /// Also print each rule's documentation.
        #[arg(long)]
        verbose: bool,
    },
    /// List the CIN census rules (errors and queries) in force in a collection year.
    Cin {
        /// Collection year, e.g. 2025-26 (default: the latest whose 31 March has passed).
        #[arg(long)]
        year: Option<CollectionYear>,
        /// Show every version of one rule, with its documentation.
        #[arg(long)]
        code: Option<String>,
        /// Also print each rule's documentation.
        #[arg(long)]
        verbose: bool,
    },
}

/// The latest collection year whose 31 March has passed, within the years Sightline carries.
fn default_year() -> CollectionYear {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    let today = Date::ymd(1970, 1, 1).plus_days(days as i64);
    let ending = if (today.month(), today.day()) > (3, 31) {
        today.year()
    } else {
        today.year() - 1
    };
    let supported = CollectionYear::SUPPORTED;
    CollectionYear::ending(ending.clamp(*supported.start(), *supported.end()))
}

fn pack_year(year: Option<CollectionYear>) -> Result<u16> {
    let year = year.unwrap_or_else(default_year);
    if !year.is_supported() {
        bail!("collection year {year} has no rule pack (Sightline has 2022-23 to 2026-27)");
    }
    Ok(year.year_ending() as u16)
}

pub fn validate(database: &str, cmd: ValidateCommand, bars: &Bars) -> Result<()> {
    match cmd {
        ValidateCommand::Ssda903(a) => validate_903(database, a, bars),
        ValidateCommand::Cin(a) => validate_cin(database, a, bars),
    }
}

fn validate_903(database: &str, a: Args903, bars: &Bars) -> Result<()> {
    let t0 = Instant::now();
    let year = pack_year(a.year)?;
    let spinner = bars.spinner("Reading the return".into());
    let (tables, format, la) = match (&a.path, a.snapshot) {
        (Some(path), _) => {
            let mut tables = Tables::default();
            read(path, false, &mut tables)?;
            if let Some(prev) = &a.prev {
                read(prev, true, &mut tables)?;
            }
            let format = if path.is_file() {
                FileFormat::Xml
            } else {
                FileFormat::Csv
            };
            (tables, format, a.la.clone())
        }
        (None, snapshot) => {
            spinner.finish_and_clear();
            let detail = format!("{} to {}", year, a.out.display());
            let (_, model) =
                crate::returns::load_model(database, snapshot, "validate 903", &detail, bars)?;
            (
                store::validation::tables_903(&model, CollectionYear::ending(year as i32))?,
                FileFormat::Csv,
                a.la.clone().or(Some(model.la.la_code.clone())),
            )
        }
    };
    spinner.finish_and_clear();
    let mut tables = tables;
    tables.derive_header_uasc();
    // Without a lookup the rules that need one are not run (and the summary says so).
    let postcodes = match &a.postcodes {
        Some(p) => Some(ssda903::Postcodes::from_path(p)?),
        None => None,
    };
    if !a.providers.is_empty() {
        let info = ssda903::read_provider_lists(&a.providers, postcodes.as_ref())?;
        tables.insert(ssda903::T::ProviderInfo, info);
    }
    if let Some(postcodes) = &postcodes {
        ssda903::derive_postcode_fields(&mut tables, la.as_deref().unwrap_or(""), postcodes);
    }
    let cx = Ctx::new(&tables, year, la.as_deref(), format);
    let t_read = t0.elapsed();

    let timer = RuleTimer::new(a.timings);
    let outcomes = run_rules(&ssda903::pack(year), bars, &timer, |r| {
        ssda903::run_rule(r, &cx)
    });
    let t_rules = t0.elapsed();
    let report = ssda903::report::build(&cx, outcomes);
    let t_report = t0.elapsed();

    let written = write_outputs(&report, &cx, "SSDA903", cx.la, &a.out, a.format)?;
    timer.print([t_read, t_rules, t_report, t0.elapsed()]);

    let children = report.children();
    let no_lookup = report
        .skipped
        .iter()
        .filter(|(_, why)| why == ssda903::NEEDS_POSTCODES)
        .count();
    println!(
        "SSDA903 {}: {} rules run, {} skipped (a table missing), {} failed; {} issues for {} children; {:.2}s",
        report.year,
        report.rules_completed(),
        report.skipped.len() - no_lookup,
        report.failed.len(),
        report.issues.len(),
        children,
        t0.elapsed().as_secs_f64()
    );
    if no_lookup > 0 {
        println!(
            "{no_lookup} rules not run for want of a postcode lookup (placement LA, location and \
             distance): give --postcodes FILE, the ONS Postcode Directory's CSV"
        );
    }
    for (code, why) in &report.failed {
        eprintln!("rule {code} failed: {why}");
    }
    println!("Wrote {} to {}", written.join(", "), a.out.display());
    Ok(())
}

fn validate_cin(database: &str, a: ArgsCin, bars: &Bars) -> Result<()> {
    let t0 = Instant::now();
    let (tables, la, year) = match (&a.path, a.snapshot) {
        (Some(path), _) => {
            let spinner = bars.spinner("Reading the census".into());
            let tables = cin::read_xml(path)?;
            spinner.finish_and_clear();
            // The census says which collection it is; --year overrides it.
            let file_year = tables
                .get(cin::T::Header)
                .col("Year")
                .str(0)
                .and_then(|y| y.trim().parse::<i32>().ok())
                .map(CollectionYear::ending);
            (tables, a.la.clone(), a.year.or(file_year))
        }
        (None, snapshot) => {
            let year = a.year.unwrap_or_else(default_year);
            let detail = format!("{} to {}", year, a.out.display());
            let (_, model) =
                crate::returns::load_model(database, snapshot, "validate cin", &detail, bars)?;
            let tables = store::validation::tables_cin(&model, year)?;
            let la = a.la.clone().or(Some(model.la.la_code.clone()));
            (tables, la, Some(year))
        }
    };
    let year = pack_year(year)?;
    let cx = cin::Ctx::new(&tables, year, la.as_deref());
    let t_read = t0.elapsed();

    let timer = RuleTimer::new(a.timings);
    let outcomes = run_rules(&cin::pack(year), bars, &timer, |r| cin::run_rule(r, &cx));
    let t_rules = t0.elapsed();
    let report = cin::report::build(&cx, outcomes);
    let t_report = t0.elapsed();

    let written = write_outputs(&report, &cx, "CIN census", cx.la, &a.out, a.format)?;
    timer.print([t_read, t_rules, t_report, t0.elapsed()]);

    let children = report.children();
    let errors = report
        .issues
        .iter()
        .filter(|i| i.rule_type == "error")
        .count();
    println!(
        "CIN census {}: {} rules run, {} failed; {} issues ({} errors, {} queries) for {} children; {:.2}s",
        report.year,
        report.rules_completed(),
        report.failed.len(),
        report.issues.len(),
        errors,
        report.issues.len() - errors,
        children,
        t0.elapsed().as_secs_f64()
    );
    for (code, why) in &report.failed {
        eprintln!("rule {code} failed: {why}");
    }
    println!("Wrote {} to {}", written.join(", "), a.out.display());
    Ok(())
}

/// Runs a pack on all cores with a progress bar, timing each rule when asked.
fn run_rules<'r, R: engine::RuleMeta, L: Send + Ord>(
    rules: &[&'r R],
    bars: &Bars,
    timer: &RuleTimer,
    run: impl Fn(&R) -> engine::Outcome<L> + Sync,
) -> Vec<(&'r R, engine::Outcome<L>)> {
    let bar = bars.bar("Running rules", rules.len() as u64);
    let outcomes = engine::run_all(rules, |r| {
        let o = timer.time(r.code(), || run(r));
        bar.inc(1);
        o
    });
    bar.finish_and_clear();
    outcomes
}

/// Each rule's own run time, kept only when --timings asks for it.
struct RuleTimer(Option<std::sync::Mutex<Vec<(&'static str, std::time::Duration)>>>);

impl RuleTimer {
    fn new(on: bool) -> Self {
        RuleTimer(on.then(Default::default))
    }

    fn time<O>(&self, code: &'static str, run: impl FnOnce() -> O) -> O {
        let start = Instant::now();
        let out = run();
        if let Some(m) = &self.0 {
            m.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((code, start.elapsed()));
        }
        out
    }

    /// `marks`: elapsed time after reading, the rules, the report and writing.
    fn print(self, marks: [std::time::Duration; 4]) {
        let Some(m) = self.0 else { return };
        let [read, rules, report, write] = marks.map(|d| d.as_secs_f64());
        eprintln!(
            "timings: read {read:.3}s, rules {:.3}s, report {:.3}s, write {:.3}s",
            rules - read,
            report - rules,
            write - report
        );
        let mut per_rule = m.into_inner().unwrap_or_else(|e| e.into_inner());
        per_rule.sort_by_key(|r| std::cmp::Reverse(r.1));
        let total: f64 = per_rule.iter().map(|r| r.1.as_secs_f64()).sum();
        eprintln!("rules' own time, summed over threads: {total:.3}s; slowest:");
        for (code, d) in per_rule.iter().take(25) {
            eprintln!("  {code:<10} {:.4}s", d.as_secs_f64());
        }
    }
}

/// Reads a CSV directory or an XML file into `tables` (last year's when `last`).
fn read(path: &Path, last: bool, tables: &mut Tables) -> Result<()> {
    if path.is_file() {
        ssda903::read_xml(path, last, tables)?;
    } else {
        ssda903::read_csv_dir(path, last, tables)?;
    }
    Ok(())
}

/// Writes issues.csv, error_summary.csv and child_summary.csv (or, with --format json,
/// issues.json) on one thread while report.xlsx, which takes longest, is written on this one.
/// Every file is streamed, so memory stays small however many issues there are.
fn write_outputs(
    report: &Report,
    cells: &(dyn Cells + Sync),
    return_name: &str,
    la: Option<&str>,
    out: &Path,
    format: OutFormat,
) -> Result<Vec<&'static str>> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let create = |name: &str| -> Result<std::io::BufWriter<std::fs::File>> {
        let path = out.join(name);
        let f =
            std::fs::File::create(&path).with_context(|| format!("writing {}", path.display()))?;
        Ok(std::io::BufWriter::with_capacity(1 << 16, f))
    };
    // The child summary is formatted once, on the other thread: written to its CSV there
    // and passed here in batches for the workbook, the longest part.
    let (rows_tx, rows_rx) = std::sync::mpsc::sync_channel::<RowBatch>(2);
    let (files, book) = std::thread::scope(|s| {
        let files = s.spawn(move || -> Result<Vec<&'static str>> {
            let mut csv = match format {
                OutFormat::Csv => Some(csv::Writer::from_writer(create("child_summary.csv")?)),
                OutFormat::Json => None,
            };
            if let Some(w) = &mut csv {
                w.write_record(CHILD_SUMMARY_COLUMNS)?;
            }
            let mut batch = RowBatch::default();
            report.child_summary_rows(cells, |row| -> Result<()> {
                if let Some(w) = &mut csv {
                    w.write_record(row)?;
                }
                batch.push(row);
                if batch.len() == RowBatch::ROWS {
                    // A closed channel means the workbook failed; its error is reported.
                    let _ = rows_tx.send(std::mem::take(&mut batch));
                }
                Ok(())
            })?;
            let _ = rows_tx.send(batch);
            drop(rows_tx);
            if let Some(mut w) = csv {
                w.flush()?;
            }
            Ok(match format {
                OutFormat::Csv => {
                    report.write_issues_csv(create("issues.csv")?)?;
                    report.write_error_summary_csv(create("error_summary.csv")?)?;
                    vec!["issues.csv", "error_summary.csv", "child_summary.csv"]
                }
                OutFormat::Json => {
                    let doc = serde_json::json!({
                        "return": return_name,
                        "year": report.year,
                        "la": la,
                        "rules_run": report.rules_completed(),
                        "skipped": report.skipped,
                        "failed": report.failed,
                        "issues": report.issues,
                        "error_summary": report.rule_summary(),
                    });
                    let mut w = create("issues.json")?;
                    serde_json::to_writer_pretty(&mut w, &doc)?;
                    w.flush()?;
                    vec!["issues.json"]
                }
            })
        });
        let book = workbook(report, &rows_rx, &out.join("report.xlsx"));
        // Let the other thread finish its files even if the workbook failed.
        drop(rows_rx);
        (files.join(), book)
    });
    let mut written = files.map_err(|_| anyhow::anyhow!("writing the issues failed"))??;
    book?;
    written.push("report.xlsx");
    Ok(written)
}

/// Rows of the child summary, their cells one after another in one buffer.
#[derive(Default)]
struct RowBatch {
    text: String,
    ends: Vec<u32>,
}

impl RowBatch {
    const ROWS: usize = 1024;
    const CELLS: usize = CHILD_SUMMARY_COLUMNS.len();

    fn push(&mut self, row: [&str; Self::CELLS]) {
        for cell in row {
            self.text.push_str(cell);
            self.ends.push(self.text.len() as u32);
        }
    }

    fn len(&self) -> usize {
        self.ends.len() / Self::CELLS
    }

    fn rows(&self) -> impl Iterator<Item = [&str; Self::CELLS]> {
        self.ends
            .chunks_exact(Self::CELLS)
            .enumerate()
            .map(|(r, ends)| {
                let row_start = match r {
                    0 => 0,
                    _ => self.ends[r * Self::CELLS - 1] as usize,
                };
                std::array::from_fn(|c| {
                    let from = if c == 0 {
                        row_start
                    } else {
                        ends[c - 1] as usize
                    };
                    &self.text[from..ends[c] as usize]
                })
            })
    }
}

/// Columns written as numbers in the workbook (the rest stay text: child ids may be digits).
const NUMERIC: &[&str] = &["row_id", "count", "errors_for_child", "errors_of_type"];
/// Excel's last row; anything beyond is cut, with a note in the sheet's last row.
const MAX_ROWS: u32 = 1_048_575;

/// The error and child summaries as sheets: bold frozen header, columns as wide as their
/// content (capped). Sheets are written row by row to temporary files ("low memory" mode,
/// strings shared), so a report of a million issues needs little memory. The per-issue list
/// is issues.csv; every column of it is in the Child Summary sheet too.
fn workbook(
    report: &Report,
    child_rows: &std::sync::mpsc::Receiver<RowBatch>,
    path: &Path,
) -> Result<()> {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    // Level 1 compresses several times faster than the default, for a slightly larger file.
    book.set_zip_compression_level(1);
    add_sheet(
        &mut book,
        "Error Summary",
        ERROR_SUMMARY_COLUMNS,
        None,
        |row| report.error_summary_rows(row),
    )?;
    // Fixed widths, as the DfE tool's: measuring a long sheet would mean building it twice.
    let widths = [14, 14, 8, 10, 8, 60, 30, 40, 30, 10, 10];
    add_sheet(
        &mut book,
        "Child Summary",
        CHILD_SUMMARY_COLUMNS,
        Some(widths),
        |row| {
            for batch in child_rows.iter() {
                for r in batch.rows() {
                    row(r)?;
                }
            }
            Ok(())
        },
    )?;
    book.save(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Adds one sheet; `rows` visits the rows. Without `widths`, columns are as wide as their
/// content (capped), which visits the rows twice: a low-memory sheet's columns must be set
/// before its rows.
fn add_sheet<const N: usize>(
    book: &mut rust_xlsxwriter::Workbook,
    name: &str,
    headers: [&str; N],
    widths: Option<[usize; N]>,
    rows: impl Fn(&mut dyn FnMut([&str; N]) -> Result<()>) -> Result<()>,
) -> Result<()> {
    use rust_xlsxwriter::Format;
    let widths = match widths {
        Some(w) => w,
        None => {
            let mut widths = headers.map(str::len);
            rows(&mut |r| {
                for (w, v) in widths.iter_mut().zip(r) {
                    *w = (*w).max(v.chars().count());
                }
                Ok(())
            })?;
            widths
        }
    };
    let sheet = book.add_worksheet_with_low_memory()?;
    sheet.set_name(name)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(8, 80) as f64 + 1.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let bold = Format::new().set_bold();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    let numeric = headers.map(|h| NUMERIC.contains(&h));
    let mut row = 1u32;
    rows(&mut |r| {
        if row > MAX_ROWS {
            return Ok(());
        }
        if row == MAX_ROWS {
            sheet.write_string(
                row,
                0,
                "(more rows than a sheet holds: see the CSV or JSON)",
            )?;
        } else {
            for (c, v) in r.iter().enumerate() {
                match numeric[c].then(|| v.parse::<f64>().ok()).flatten() {
                    Some(n) => sheet.write_number(row, c as u16, n)?,
                    None => sheet.write_string(row, c as u16, *v)?,
                };
            }
        }
        row += 1;
        Ok(())
    })
}

pub fn rules(cmd: RulesCommand) -> Result<()> {
    match cmd {
        RulesCommand::Ssda903 {
            year,
            code,
            verbose,
        } => {
            let listed = select(
                "SSDA903",
                ssda903::all_versions(),
                ssda903::pack,
                |r| (r.code, r.years),
                year,
                code.as_deref(),
            )?;
            for r in listed {
                println!(
                    "{:<10} {:<5} {:<15} {:<28} {:<40} {}",
                    r.code,
                    r.rule_type.as_str(),
                    years_label(r.years),
                    pattern(&r.check),
                    r.fields.join(","),
                    r.message.trim()
                );
                print_doc(r.doc, code.is_some() || verbose);
                if r.postcode_lookup && (code.is_some() || verbose) {
                    println!("    Runs only with a postcode lookup (--postcodes).");
                }
            }
        }
        RulesCommand::Cin {
            year,
            code,
            verbose,
        } => {
            let listed = select(
                "CIN census",
                cin::all_versions(),
                cin::pack,
                |r| (r.code, r.years),
                year,
                code.as_deref(),
            )?;
            for r in listed {
                println!(
                    "{:<8} {:<5} {:<15} {:<50} {}",
                    r.code,
                    r.rule_type.as_str(),
                    years_label(r.years),
                    r.fields.join(","),
                    r.message.trim()
                );
                print_doc(r.doc, code.is_some() || verbose);
            }
        }
    }
    Ok(())
}

fn years_label((first, last): (u16, u16)) -> String {
    format!("{}-{}", year_label(first), year_label(last))
}

fn print_doc(doc: &str, show: bool) {
    if show {
        for line in doc.lines() {
            println!("    {}", line.trim());
        }
    }
}

/// The rules to list: every version of one code (limited to `year` when given: what changed,
/// and when), or the year's pack, announced with its size.
fn select<R>(
    name: &str,
    versions: Vec<&'static R>,
    pack: fn(u16) -> Vec<&'static R>,
    meta: fn(&R) -> (&'static str, (u16, u16)),
    year: Option<CollectionYear>,
    code: Option<&str>,
) -> Result<Vec<&'static R>> {
    let y = pack_year(year)?;
    let Some(c) = code else {
        let rules = pack(y);
        println!("{} {name} rules in force in {}", rules.len(), year_label(y));
        return Ok(rules);
    };
    let found: Vec<&R> = versions
        .into_iter()
        .filter(|r| meta(r).0.eq_ignore_ascii_case(c))
        .filter(|r| {
            let (first, last) = meta(r).1;
            year.is_none() || (first..=last).contains(&y)
        })
        .collect();
    if found.is_empty() {
        let when = match year {
            Some(_) => format!(" in force in {}", year_label(y)),
            None => String::new(),
        };
        bail!("no {name} rule {c}{when}");
    }
    Ok(found)
}

/// The rule's shape: one of the declared patterns, or custom logic.
fn pattern(check: &Check) -> String {
    match check {
        Check::Custom(_) => "custom".into(),
        Check::ValidDate { table, column, .. } => format!("valid date {}.{column}", table.name()),
        Check::CodeIn { table, column, .. } => format!("code list {}.{column}", table.name()),
        Check::Required { table, column } => format!("required {}.{column}", table.name()),
        Check::DateOrder {
            table,
            earlier,
            later,
            ..
        } => format!("date order {}.{earlier}<{later}", table.name()),
    }
}
