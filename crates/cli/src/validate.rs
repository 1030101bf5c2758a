//! `validate 903` and `rules 903`: the DfE's SSDA903 validation rules run on a return (files,
//! or a snapshot in the store), and the rule pack listed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use ::validate::engine::{self, year_label};
use ::validate::ssda903::{self, report::Report, Check, Ctx, FileFormat, Rule, Tables};
use anyhow::{anyhow, bail, Context, Result};
use clap::Subcommand;
use model::{CollectionYear, Date};

use crate::progress::Bars;
use crate::returns::write_file;

#[derive(Subcommand)]
pub enum ValidateCommand {
    /// Run the DfE's SSDA903 validation rules on a return and write what they flag.
    ///
    /// Reads the year's return (a directory of CSV files, each table recognised by its columns,
    /// or an XML file) and optionally last year's, or derives both from a snapshot with
    /// --snapshot. Writes to OUTDIR: issues.csv (one line per flagged row; row_id is the 0-based
    /// row in its table, header excluded), error_summary.csv (one line per rule),
    /// child_summary.csv (one line per child, row and rule, with the values) and report.xlsx
    /// (the same three as sheets); with --format json, issues.json replaces the CSV files.
    /// Exits 0 whether or not anything is flagged, non-zero when the input cannot be read.
    ///
    /// --la is the authority's code as the DfE's tool takes it (e.g. E08000018). Only the
    /// rules comparing a placement provider's inferred LA with the reporting LA use it, and
    /// those need the provider lookup, so it is optional; with --snapshot it defaults to the
    /// snapshot's LA number.
    #[command(name = "903")]
    Ssda903(Args903),
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
        bail!("collection year {year} has no 903 rule pack (Sightline has 2022-23 to 2026-27)");
    }
    Ok(year.year_ending() as u16)
}

pub fn validate(
    database: &str,
    ValidateCommand::Ssda903(a): ValidateCommand,
    bars: &Bars,
) -> Result<()> {
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
                tables_from_model(&model, year)?,
                FileFormat::Csv,
                a.la.clone().or(Some(model.la.la_code.clone())),
            )
        }
    };
    spinner.finish_and_clear();
    let mut tables = tables;
    tables.derive_header_uasc();
    let postcodes = match &a.postcodes {
        Some(p) => ssda903::Postcodes::from_path(p)?,
        None => ssda903::Postcodes::default(),
    };
    if !a.providers.is_empty() {
        let info = ssda903::read_provider_lists(&a.providers, Some(&postcodes))?;
        tables.insert(ssda903::T::ProviderInfo, info);
    }
    ssda903::derive_postcode_fields(&mut tables, la.as_deref().unwrap_or(""), &postcodes);
    let cx = Ctx::new(&tables, year, la.as_deref(), format);

    let rules = ssda903::pack(year);
    let bar = bars.bar("Running rules", rules.len() as u64);
    let outcomes = engine::run_all(&rules, |r| {
        let o = ssda903::run_rule(r, &cx);
        bar.inc(1);
        o
    });
    bar.finish_and_clear();
    let report = Report::build(&cx, outcomes);

    std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
    let written = write_outputs(&report, &cx, &a.out, a.format)?;

    let children: HashSet<&str> = report.issues.iter().map(|i| i.child_id.as_str()).collect();
    println!(
        "SSDA903 {}: {} rules run, {} skipped (a table missing), {} failed; {} issues for {} children; {:.2}s",
        report.year,
        report.rules_run - report.skipped.len() - report.failed.len(),
        report.skipped.len(),
        report.failed.len(),
        report.issues.len(),
        children.len(),
        t0.elapsed().as_secs_f64()
    );
    for (code, why) in &report.failed {
        eprintln!("rule {code} failed: {why}");
    }
    println!("Wrote {} to {}", written.join(", "), a.out.display());
    Ok(())
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

/// The year's return and last year's, derived from a snapshot and read back through the same
/// CSV reader as files on disk, so a snapshot and its exported files validate identically.
fn tables_from_model(model: &model::CaseModel, year: u16) -> Result<Tables> {
    let mut tables = Tables::default();
    let this = CollectionYear::ending(year as i32);
    for (y, last) in [(this, false), (this.previous(), true)] {
        for f in formats::ssda903::derive(model, y).write_csv() {
            let text = std::str::from_utf8(&f.bytes).context("derived CSV")?;
            let (t, table) = ssda903::read_csv_text(Path::new(&f.name), text, last)?;
            tables.insert(t, table);
        }
    }
    Ok(tables)
}

fn write_outputs(
    report: &Report,
    cx: &Ctx,
    out: &Path,
    format: OutFormat,
) -> Result<Vec<&'static str>> {
    let mut issues = Vec::new();
    report.write_issues_csv(&mut issues)?;
    let mut summary = Vec::new();
    report.write_error_summary_csv(&mut summary)?;
    let mut children = Vec::new();
    report.write_child_summary_csv(cx, &mut children)?;
    let mut written = Vec::new();
    match format {
        OutFormat::Csv => {
            write_file(&out.join("issues.csv"), &issues)?;
            write_file(&out.join("error_summary.csv"), &summary)?;
            write_file(&out.join("child_summary.csv"), &children)?;
            written.extend(["issues.csv", "error_summary.csv", "child_summary.csv"]);
        }
        OutFormat::Json => {
            let doc = serde_json::json!({
                "year": report.year,
                "la": cx.la,
                "rules_run": report.rules_run - report.skipped.len() - report.failed.len(),
                "skipped": report.skipped,
                "failed": report.failed,
                "issues": report.issues,
                "error_summary": report.rule_summary(),
            });
            write_file(&out.join("issues.json"), &serde_json::to_vec_pretty(&doc)?)?;
            written.push("issues.json");
        }
    }
    let sheets = [
        ("Error Summary", &summary),
        ("Child Summary", &children),
        ("Issues", &issues),
    ];
    write_file(&out.join("report.xlsx"), &workbook(&sheets)?)?;
    written.push("report.xlsx");
    Ok(written)
}

/// Columns written as numbers in the workbook (the rest stay text: child ids may be digits).
const NUMERIC: &[&str] = &["row_id", "count", "errors_for_child"];
/// Excel's last row; anything beyond is cut, with a note in the sheet's last row.
const MAX_ROWS: u32 = 1_048_575;

/// One sheet per CSV: bold frozen header, columns as wide as their content (capped).
fn workbook(sheets: &[(&str, &Vec<u8>)]) -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, csv_bytes) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name)?;
        let mut rdr = csv::Reader::from_reader(csv_bytes.as_slice());
        let headers = rdr.headers()?.clone();
        let numeric: Vec<bool> = headers.iter().map(|h| NUMERIC.contains(&h)).collect();
        let mut widths: Vec<usize> = headers.iter().map(str::len).collect();
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (row, rec) in (1u32..).zip(rdr.records()) {
            let rec = rec?;
            if row == MAX_ROWS {
                sheet.write_string(
                    row,
                    0,
                    "(more rows than a sheet holds: see the CSV or JSON)",
                )?;
                break;
            }
            for (c, v) in rec.iter().enumerate() {
                match v.parse::<f64>() {
                    Ok(n) if numeric[c] => sheet.write_number(row, c as u16, n)?,
                    _ => sheet.write_string(row, c as u16, v)?,
                };
                widths[c] = widths[c].max(v.chars().count());
            }
        }
        for (c, w) in widths.iter().enumerate() {
            sheet.set_column_width(c as u16, (*w).clamp(8, 80) as f64 + 1.0)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(book.save_to_buffer()?)
}

pub fn rules(
    RulesCommand::Ssda903 {
        year,
        code,
        verbose,
    }: RulesCommand,
) -> Result<()> {
    let y = pack_year(year)?;
    let years = |r: &Rule| format!("{}-{}", year_label(r.years.0), year_label(r.years.1));
    let rules: Vec<&Rule> = match &code {
        // A code shows every version, with the year given or not: what changed, and when.
        Some(c) => {
            let found: Vec<&Rule> = ssda903::all_versions()
                .into_iter()
                .filter(|r| r.code.eq_ignore_ascii_case(c))
                .filter(|r| year.is_none() || (r.years.0..=r.years.1).contains(&y))
                .collect();
            if found.is_empty() {
                return Err(anyhow!(
                    "no 903 rule {c}{}",
                    match year {
                        Some(_) => format!(" in force in {}", year_label(y)),
                        None => String::new(),
                    }
                ));
            }
            found
        }
        None => {
            let pack = ssda903::pack(y);
            println!("{} SSDA903 rules in force in {}", pack.len(), year_label(y));
            pack
        }
    };
    for r in rules {
        println!(
            "{:<10} {:<5} {:<15} {:<28} {:<40} {}",
            r.code,
            r.rule_type.as_str(),
            years(r),
            pattern(&r.check),
            r.fields.join(","),
            r.message.trim()
        );
        if code.is_some() || verbose {
            for line in r.doc.lines() {
                println!("    {}", line.trim());
            }
        }
    }
    Ok(())
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
