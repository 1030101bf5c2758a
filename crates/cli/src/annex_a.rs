//! `export annex-a`: Ofsted's Annex A lists at a date, from a snapshot; `check annex-a`: the
//! problems in a council's own Annex A.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{anyhow, Context, Result};
use model::Date;

use crate::progress::Bars;
use crate::returns::{load_model, write_file};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One workbook, a sheet per list.
    Xlsx,
    /// One CSV file per list, in the directory given by --out.
    Csv,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The inspection (as-at) date the lists are anchored on, e.g. 2026-03-31.
    #[arg(long)]
    as_at: Date,
    /// Snapshot to export (default: the latest).
    #[arg(long)]
    snapshot: Option<i64>,
    /// Output: FILE.xlsx, or a directory with --format csv.
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "xlsx")]
    format: Format,
    /// Count the row's own referral, S47 or ICPC in the "last 12 months" counts (D2I does not).
    #[arg(long)]
    count_current_event: bool,
    /// Placements within this many miles count as "In" the authority.
    #[arg(long, default_value_t = 20.0)]
    in_area_miles: f64,
}

pub fn export(database: &str, args: ExportArgs, bars: &Bars) -> Result<()> {
    let detail = format!("as at {} to {}", args.as_at, args.out.display());
    let t_load = Instant::now();
    let (id, model) = load_model(database, args.snapshot, "export annex-a", &detail, bars)?;
    let loaded = t_load.elapsed();
    if args.as_at > model.la.as_at {
        return Err(anyhow!(
            "snapshot {id} describes the authority at {}: Annex A cannot be drawn for a later date ({})",
            model.la.as_at,
            args.as_at
        ));
    }
    let t0 = Instant::now();
    let opts = formats::annex_a::Options {
        count_current_event: args.count_current_event,
        in_area_miles: args.in_area_miles,
    };
    let annex = formats::annex_a::derive(&model, args.as_at, &opts);
    match args.format {
        Format::Xlsx => write_file(&args.out, &formats::annex_a::write_xlsx(&annex)?)?,
        Format::Csv => {
            for f in formats::annex_a::write_csv(&annex) {
                write_file(&args.out.join(&f.name), &f.bytes)?;
            }
        }
    }
    let counts: Vec<String> = annex
        .lists
        .iter()
        .enumerate()
        .map(|(i, l)| format!("L{} {}", i + 1, l.len()))
        .collect();
    eprintln!(
        "Wrote Annex A at {} for snapshot {id} ({}) to {} in {:.1}s (after loading the snapshot in {:.1}s)",
        args.as_at,
        counts.join(", "),
        args.out.display(),
        t0.elapsed().as_secs_f64(),
        loaded.as_secs_f64()
    );
    // The process ends here: leave the model's million small allocations to the OS rather
    // than free them one by one (about a second at 600,000 children).
    std::mem::forget(model);
    std::mem::forget(annex);
    Ok(())
}

#[derive(clap::Args)]
pub struct JourneyArgs {
    /// The Annex A date the journeys are drawn from, e.g. 2026-03-31.
    #[arg(long)]
    as_at: Date,
    /// Snapshot to use (default: the latest).
    #[arg(long)]
    snapshot: Option<i64>,
    /// Only this child.
    #[arg(long)]
    child: Option<String>,
    /// Output CSV file.
    #[arg(long)]
    out: PathBuf,
}

pub fn export_journeys(database: &str, args: JourneyArgs, bars: &Bars) -> Result<()> {
    let detail = format!(
        "as at {}{} to {}",
        args.as_at,
        if args.child.is_some() {
            ", one child"
        } else {
            ""
        },
        args.out.display()
    );
    let (id, model) = load_model(database, args.snapshot, "export journeys", &detail, bars)?;
    if args.as_at > model.la.as_at {
        return Err(anyhow!(
            "snapshot {id} describes the authority at {}: journeys cannot be drawn for a later date ({})",
            model.la.as_at,
            args.as_at
        ));
    }
    let annex = formats::annex_a::derive(&model, args.as_at, &Default::default());
    let mut events = formats::annex_a::journeys(&annex);
    if let Some(child) = &args.child {
        events.retain(|e| &e.child == child);
        if events.is_empty() {
            return Err(anyhow!(
                "no Annex A events for child {child} at {}",
                args.as_at
            ));
        }
    }
    write_file(&args.out, &formats::annex_a::journeys_csv(&events))?;
    let mut children: Vec<&str> = events.iter().map(|e| e.child.as_str()).collect();
    children.dedup();
    eprintln!(
        "Wrote {} events for {} {} (Annex A at {}, snapshot {id}) to {}",
        events.len(),
        children.len(),
        if children.len() == 1 {
            "child"
        } else {
            "children"
        },
        args.as_at,
        args.out.display()
    );
    Ok(())
}

#[derive(clap::Subcommand)]
pub enum CheckCommand {
    /// Check an Annex A workbook (xlsx), or a directory of one CSV file per list: missing lists
    /// or columns, unknown codes, bad or future dates, dates outside a list's period, impossible
    /// orders, duplicated records, and children on a plan with no enquiry in List 5.
    #[command(name = "annex-a")]
    AnnexA {
        /// FILE.xlsx, or a directory of CSV files named by list ("List 3.csv", "annex_a_list_03_referrals.csv").
        path: PathBuf,
        /// The date the Annex A was drawn at (default: the latest date in it, dates of birth aside).
        #[arg(long)]
        as_at: Option<Date>,
    },
}

pub fn check(cmd: CheckCommand) -> Result<()> {
    let CheckCommand::AnnexA { path, as_at } = cmd;
    let workbook = read(&path)?;
    let as_at = as_at
        .or_else(|| formats::annex_a::latest_date(&workbook))
        .ok_or_else(|| {
            anyhow!(
                "{} has no contact or referral dates: give --as-at",
                path.display()
            )
        })?;
    let problems = formats::annex_a::check(&workbook, as_at);
    for p in &problems {
        println!("{p}");
    }
    let rows: usize = workbook.lists.iter().flatten().map(|s| s.rows.len()).sum();
    if problems.is_empty() {
        eprintln!(
            "{}: no problems in {rows} rows (Annex A at {as_at})",
            path.display()
        );
        Ok(())
    } else {
        Err(anyhow!(
            "{}: {} problems in {rows} rows (Annex A at {as_at})",
            path.display(),
            problems.len()
        ))
    }
}

/// `import annex-a`: a council's own Annex A as a snapshot of the case model.
pub struct ImportArgs {
    pub path: PathBuf,
    pub as_at: Option<Date>,
    pub la_code: String,
    pub la_name: String,
    pub population: u64,
    pub label: Option<String>,
    pub accept_problems: bool,
}

/// Reads and checks the workbook, and imports it only if the check finds nothing (or
/// `--accept-problems`): a refused import leaves the store as it was.
pub fn import(database: &str, args: ImportArgs, bars: &Bars) -> Result<i64> {
    let files = crate::returns::read_files(&args.path)?;
    let intake = formats::intake::annex_a(
        &files,
        &formats::intake::AnnexAOptions {
            as_at: args.as_at,
            la_code: args.la_code,
            la_name: args.la_name,
            child_population: args.population,
            accept_problems: args.accept_problems,
        },
    )
    .with_context(|| format!("importing {}", args.path.display()))?;
    if !intake.accepted_problems.is_empty() {
        for p in intake.accepted_problems.iter().take(20) {
            eprintln!("{p}");
        }
        eprintln!(
            "{} problems accepted (--accept-problems)",
            intake.accepted_problems.len()
        );
    }
    let name = args.path.display().to_string();
    crate::returns::store_intake(database, &intake, "annex-a", &name, args.label, bars)
}

fn read(path: &Path) -> Result<formats::annex_a::Workbook> {
    let files = crate::returns::read_files(path)?;
    if path.is_dir() {
        Ok(formats::annex_a::read_csv_files(&files)?)
    } else {
        let bytes = &files[0].1;
        Ok(formats::annex_a::read_xlsx(
            &path.display().to_string(),
            bytes,
        )?)
    }
}

#[derive(clap::Subcommand)]
pub enum AnnexACommand {
    /// The readiness summary: what inspectors will compute first from the Annex A, as
    /// DIR/summary.xlsx and DIR/index.html, every figure linking to the children behind it
    /// (DIR/children/*.html). From a snapshot, or from a council's own Annex A with --from.
    Summary(SummaryArgs),
}

#[derive(clap::Args)]
pub struct SummaryArgs {
    /// The inspection (as-at) date, e.g. 2026-03-31 (with --from: default the file's latest date).
    #[arg(long)]
    as_at: Option<Date>,
    /// Snapshot to summarise (default: the latest).
    #[arg(long)]
    snapshot: Option<i64>,
    /// Summarise this Annex A (xlsx, or a directory of one CSV per list) instead of a snapshot.
    #[arg(long)]
    from: Option<PathBuf>,
    /// Children aged 0-17 in the authority, for rates per 10,000 (default: the snapshot's).
    #[arg(long)]
    population: Option<u64>,
    /// A child on a plan is overdue a visit after this many working days.
    #[arg(long, default_value_t = 10)]
    cp_visit_working_days: u32,
    /// A contact counts as leading to a referral within this many days.
    #[arg(long, default_value_t = 30)]
    contact_to_referral_days: i64,
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
}

pub fn annex_a(database: &str, cmd: AnnexACommand, bars: &Bars) -> Result<()> {
    let AnnexACommand::Summary(args) = cmd;
    let t0 = Instant::now();
    let (annex, population, title) = match &args.from {
        Some(path) => {
            let workbook = read(path)?;
            let as_at = args
                .as_at
                .or_else(|| formats::annex_a::latest_date(&workbook))
                .ok_or_else(|| {
                    anyhow!(
                        "{} has no contact or referral dates: give --as-at",
                        path.display()
                    )
                })?;
            let title = format!("Annex A readiness summary: {}", path.display());
            (
                formats::annex_a::to_annex_a(&workbook, as_at),
                args.population,
                title,
            )
        }
        None => {
            let as_at = args
                .as_at
                .ok_or_else(|| anyhow!("give --as-at (or --from FILE)"))?;
            let detail = format!("as at {as_at} to {}", args.out.display());
            let (id, model) =
                load_model(database, args.snapshot, "annex-a summary", &detail, bars)?;
            if as_at > model.la.as_at {
                return Err(anyhow!(
                    "snapshot {id} describes the authority at {}: Annex A cannot be drawn for a later date ({as_at})",
                    model.la.as_at
                ));
            }
            let annex = formats::annex_a::derive(&model, as_at, &Default::default());
            let population = model.la.child_population;
            let la_name = model.la.la_name.clone();
            // Not freed piece by piece: the process ends soon (see `export`).
            std::mem::forget(model);
            let title = format!("{la_name}: Annex A readiness summary");
            (annex, args.population.or(Some(population)), title)
        }
    };
    let t1 = Instant::now();
    let opts = formats::annex_a::summary::Options {
        population,
        cp_visit_working_days: args.cp_visit_working_days,
        contact_to_referral_days: args.contact_to_referral_days,
        ..Default::default()
    };
    let summary = formats::annex_a::summary::summarise(&annex, &opts);
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let xlsx = args.out.join("summary.xlsx");
    formats::annex_a::write_summary_xlsx(&annex, &summary, &xlsx)
        .with_context(|| format!("writing {}", xlsx.display()))?;
    let pages = formats::annex_a::write_summary_html(&annex, &summary, &title, &args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "Wrote the readiness summary at {} ({} figures, {} pages) to {} in {:.1}s (summary {:.1}s)",
        annex.as_at,
        summary.figures.len(),
        pages.len(),
        args.out.display(),
        t0.elapsed().as_secs_f64(),
        t1.elapsed().as_secs_f64()
    );
    std::mem::forget(annex);
    std::mem::forget(summary);
    Ok(())
}
