//! The `sightline` command line.

mod annex_a;
mod bench;
mod bench_web;
mod benchmarks;
mod indicators;
mod ofsted;
mod progress;
mod returns;
mod validate;

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use model::Date;

#[derive(Parser)]
#[command(
    name = "sightline",
    version,
    about = "Children's social care data platform: case model, national returns, validation and performance",
    long_about = "Sightline holds a local authority's children's social care case data as one case \
model (aligned with the Standard Safeguarding Dataset) and derives the national returns, \
validation and performance figures from it.\n\nThe store is SQLite by default (./sightline.db); \
pass --database postgres://... or set SIGHTLINE_DATABASE_URL to use PostgreSQL."
)]
struct Cli {
    /// Database URL: sqlite://FILE or postgres://USER@HOST/DB.
    #[arg(
        long,
        global = true,
        env = "SIGHTLINE_DATABASE_URL",
        default_value = "sqlite://sightline.db"
    )]
    database: String,
    /// Hide progress bars (they are hidden anyway when output is not a terminal).
    #[arg(long, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate a synthetic local authority and write one CSV per SSD table.
    ///
    /// Simulates the children's social care histories of a whole child population over the
    /// years before --as-at: contacts, referrals, assessments, section 47 enquiries,
    /// conferences, plans, visits, reviews, care episodes and placements, care leavers,
    /// adoption and worker allocations. The same arguments always give byte-identical files.
    /// Everyone in it is invented.
    Generate(GenerateArgs),
    /// Import data into the store as a new snapshot (all or nothing).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write a DfE return or Ofsted's Annex A derived from a snapshot.
    #[command(subcommand)]
    Export(returns::ExportCommand),
    /// Check a file a council produced, reporting every problem with its place.
    #[command(subcommand)]
    Check(annex_a::CheckCommand),
    /// Ofsted Annex A tools beyond export and check: the readiness summary.
    #[command(subcommand, name = "annex-a")]
    AnnexA(annex_a::AnnexACommand),
    /// List the snapshots in the store with their provenance.
    Snapshots,
    /// The audit log: every export of child-level data, newest first.
    Audit {
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Generate a 60,000-child authority into a fresh store and print a summary.
    Demo(DemoArgs),
    /// Measure the performance targets and print the figures for BENCHMARKS.md.
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// DfE published benchmarks: import the LA-level statistics, compare an LA with them.
    #[command(subcommand)]
    Benchmarks(benchmarks::BenchmarksCommand),
    /// Ofsted inspection outcomes of every English council, and the report reader.
    #[command(subcommand)]
    Ofsted(ofsted::OfstedCommand),
    /// The improvement plan: findings, actions, linked indicators, committee exports.
    #[command(subcommand)]
    Plan(ofsted::PlanCommand),
    /// Run a return's DfE validation rules and write what they flag.
    #[command(subcommand)]
    Validate(validate::ValidateCommand),
    /// List a return's validation rules for a collection year.
    #[command(subcommand)]
    Rules(validate::RulesCommand),
    /// Performance indicators at a date (or as a monthly series), broken down and set against
    /// England, the region and statistical neighbours.
    ///
    /// Computes the catalogue's indicators (docs/indicators.md) from a snapshot. Events
    /// indicators count the 12 months to each point, snapshot indicators count at it.
    /// --children adds the children behind a figure (audited); --aggregate-only blanks small
    /// numbers for audiences who must not see child-level data.
    Indicators(indicators::IndicatorsArgs),
    Serve(ServeArgs),
}

#[derive(clap::Args, Clone)]
pub struct GenerateArgs {
    /// Children aged 0-17 living in the authority.
    #[arg(long, default_value_t = 60_000)]
    population: u64,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Extract date (YYYY-MM-DD); the figures printed are for the year ending on it.
    #[arg(long, default_value = "2026-03-31")]
    as_at: Date,
    /// Years of history the extract holds.
    #[arg(long, default_value_t = 6)]
    years: u32,
    /// Share of eligible records given a deliberate data-quality fault (e.g. 0.02); the faults
    /// are listed in DIR/faults.json.
    #[arg(long, default_value_t = 0.0)]
    errors: f64,
    /// DfE three-digit LA number written into the returns.
    #[arg(long, default_value = "999")]
    la_code: String,
    #[arg(long, default_value = "Sightline Synthetic Borough")]
    la_name: String,
    /// Output directory.
    #[arg(long)]
    out: PathBuf,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import a Standard Safeguarding Dataset extract: a directory of ssd_*.csv files (and la.json).
    Ssd {
        dir: PathBuf,
        /// A label to remember the snapshot by.
        #[arg(long)]
        label: Option<String>,
    },
    /// Import a council's own Ofsted Annex A (xlsx, or a directory of one CSV per list) as a
    /// snapshot of the case model. The file is checked first (as `check annex-a`); any problem
    /// refuses the import unless --accept-problems.
    #[command(name = "annex-a")]
    AnnexA {
        path: PathBuf,
        /// The date the Annex A was drawn at (default: its latest date, births aside).
        #[arg(long)]
        as_at: Option<Date>,
        /// DfE three-digit LA number (Annex A does not carry it).
        #[arg(long)]
        la_code: String,
        #[arg(long)]
        la_name: String,
        /// Children aged 0-17 in the authority, for rates per 10,000.
        #[arg(long)]
        population: u64,
        #[arg(long)]
        label: Option<String>,
        /// Import even if the check finds problems (rows are read as far as they can be).
        #[arg(long)]
        accept_problems: bool,
    },
    /// Import an SSDA903 return (a directory of CSV files, or one XML file) as a snapshot.
    #[command(name = "903")]
    Ssda903 {
        /// Directory of the year's CSV files (tables are recognised by their columns), or an
        /// SSDA903 XML file.
        path: PathBuf,
        /// Collection year the return is for, e.g. 2025-26.
        #[arg(long)]
        year: model::CollectionYear,
        /// DfE three-digit LA number (the 903 files do not carry it).
        #[arg(long)]
        la_code: String,
        /// Last year's return (directory or XML), for history before this year.
        #[arg(long)]
        prev: Option<PathBuf>,
        #[arg(long)]
        label: Option<String>,
    },
    /// Import a CIN census XML file as a snapshot.
    Cin {
        file: PathBuf,
        /// Collection year, when the file's header does not give it.
        #[arg(long)]
        year: Option<model::CollectionYear>,
        #[arg(long)]
        label: Option<String>,
    },
}

#[derive(clap::Args)]
struct DemoArgs {
    #[arg(long, default_value_t = 60_000)]
    population: u64,
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Where to write the generated extract and the demo database.
    #[arg(long, default_value = "sightline-demo")]
    dir: PathBuf,
    /// Only generate and import (and print the summary); do not start the web application.
    #[arg(long)]
    no_serve: bool,
    /// Where the web application listens.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: String,
}

/// Serve the web application (dashboards, work lists, child journeys) over the store.
#[derive(clap::Args)]
struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    bind: String,
    /// Mark session cookies Secure even without a proxy's X-Forwarded-Proto: https header
    /// (use when the server is reached over TLS).
    #[arg(long)]
    secure_cookies: bool,
    /// Sign users out after this many minutes without a request.
    #[arg(long, default_value_t = 30)]
    idle_minutes: i64,
}

fn main() {
    // Output piped into `head` and the like ends quietly, as with other command-line tools,
    // instead of panicking on the closed pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action for one signal, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("SIGHTLINE_LOG")
                .unwrap_or_else(|_| "warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    if let Err(e) = run(cli) {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    let bars = progress::Bars::new(cli.quiet);
    match cli.command {
        Command::Indicators(args) => indicators::run(&cli.database, args, &bars),
        Command::Generate(args) => {
            let (summary, _) = generate(&args, &bars)?;
            println!("{summary}");
            Ok(())
        }
        Command::Import(ImportCommand::Ssd { dir, label }) => {
            let id = import_ssd(&cli.database, &dir, label, &bars)?;
            println!("Imported {} as snapshot {id}", dir.display());
            Ok(())
        }
        Command::Import(ImportCommand::Cin { file, year, label }) => {
            let id = returns::import_cin(&cli.database, &file, year, label, &bars)?;
            println!("Imported {} as snapshot {id}", file.display());
            Ok(())
        }
        Command::Import(ImportCommand::Ssda903 {
            path,
            year,
            la_code,
            prev,
            label,
        }) => {
            let id = returns::import_903(
                &cli.database,
                &path,
                year,
                &la_code,
                prev.as_deref(),
                label,
                &bars,
            )?;
            println!("Imported {} as snapshot {id}", path.display());
            Ok(())
        }
        Command::Import(ImportCommand::AnnexA {
            path,
            as_at,
            la_code,
            la_name,
            population,
            label,
            accept_problems,
        }) => {
            let args = annex_a::ImportArgs {
                path: path.clone(),
                as_at,
                la_code,
                la_name,
                population,
                label,
                accept_problems,
            };
            let id = annex_a::import(&cli.database, args, &bars)?;
            println!("Imported {} as snapshot {id}", path.display());
            Ok(())
        }
        Command::Export(cmd) => returns::export(&cli.database, cmd, &bars),
        Command::Check(cmd) => annex_a::check(cmd),
        Command::AnnexA(cmd) => annex_a::annex_a(&cli.database, cmd, &bars),
        Command::Snapshots => list_snapshots(&cli.database),
        Command::Audit { limit } => list_audit(&cli.database, limit),
        Command::Demo(args) => demo(&args, &bars),
        Command::Bench(b) => bench::run(b, &bars),
        Command::Benchmarks(cmd) => benchmarks::run(&cli.database, cmd),
        Command::Ofsted(cmd) => ofsted::run_ofsted(&cli.database, cmd),
        Command::Plan(cmd) => ofsted::run_plan(&cli.database, cmd),
        Command::Validate(cmd) => validate::validate(&cli.database, cmd, &bars),
        Command::Rules(cmd) => validate::rules(cmd),
        Command::Serve(args) => serve(&cli.database, &args),
    }
}

/// Generates and writes an authority; returns its summary and the generation/writing timings.
pub fn generate(args: &GenerateArgs, bars: &progress::Bars) -> Result<(synth::Summary, Timings)> {
    if !(0.0..=1.0).contains(&args.errors) {
        bail!("--errors must be between 0 and 1 (got {})", args.errors);
    }
    if args.population == 0 {
        bail!("--population must be at least 1");
    }
    let mut cfg = synth::Config::new(args.population, args.seed, args.as_at);
    cfg.years = args.years;
    cfg.error_rate = args.errors;
    cfg.la_code = args.la_code.clone();
    cfg.la_name = args.la_name.clone();
    let t0 = Instant::now();
    let bar = bars.bar("Simulating children", 0);
    let generated = synth::generate(&cfg, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    let gen = t0.elapsed();
    let t1 = Instant::now();
    let spinner = bars.spinner(format!("Writing {}", args.out.display()));
    let files = formats::ssd::write_dir(&generated.model, &args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    let faults = serde_json::to_vec_pretty(&generated.faults)?;
    std::fs::write(args.out.join("faults.json"), faults)?;
    spinner.finish_and_clear();
    let rows: u64 = files
        .iter()
        .filter(|f| f.name.ends_with(".csv"))
        .map(|f| f.rows)
        .sum();
    eprintln!(
        "Wrote {} tables, {rows} rows, {} injected faults to {} in {:.1}s (simulation {:.1}s)",
        files.len() - 1,
        generated.faults.len(),
        args.out.display(),
        (gen + t1.elapsed()).as_secs_f64(),
        gen.as_secs_f64()
    );
    let summary = synth::Summary::of(&generated.model);
    Ok((
        summary,
        Timings {
            generate: gen,
            write: t1.elapsed(),
            rows,
        },
    ))
}

pub struct Timings {
    pub generate: std::time::Duration,
    pub write: std::time::Duration,
    pub rows: u64,
}

pub fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

/// Reads an SSD directory and imports it as one snapshot; nothing is written if anything fails.
pub fn import_ssd(
    database: &str,
    dir: &Path,
    label: Option<String>,
    bars: &progress::Bars,
) -> Result<i64> {
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        let bar = bars.bar("Importing", 0);
        let spinner = bars.spinner(format!("Reading and checking {}", dir.display()));
        let started = std::sync::atomic::AtomicBool::new(false);
        let id = store
            .import_ssd_dir(dir, label.as_deref(), &|table, rows, total| {
                if !started.swap(true, std::sync::atomic::Ordering::Relaxed) {
                    spinner.finish_and_clear();
                    bar.set_length(total);
                }
                bar.set_message(table.to_string());
                bar.inc(rows);
            })
            .await;
        spinner.finish_and_clear();
        bar.finish_and_clear();
        Ok::<_, anyhow::Error>(id?)
    })
}

fn list_snapshots(database: &str) -> Result<()> {
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        let snaps = store.snapshots().await?;
        if snaps.is_empty() {
            println!("No snapshots yet: run `sightline import ssd DIR`.");
        }
        for s in snaps {
            println!("{s}");
        }
        Ok(())
    })
}

fn list_audit(database: &str, limit: i64) -> Result<()> {
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        for e in store.audit_entries(limit).await? {
            let snap = e
                .snapshot
                .map(|s| format!("snapshot {s}"))
                .unwrap_or_default();
            println!(
                "{}  {:<12} {:<16} {:<12} {}",
                e.at, e.actor, e.action, snap, e.detail
            );
        }
        Ok(())
    })
}

fn demo(args: &DemoArgs, bars: &progress::Bars) -> Result<()> {
    let t0 = Instant::now();
    let extract_dir = args.dir.join("ssd");
    let db_path = args.dir.join("sightline.db");
    if db_path.exists() {
        std::fs::remove_file(&db_path)?;
    }
    std::fs::create_dir_all(&args.dir)?;
    let gen = GenerateArgs {
        population: args.population,
        seed: args.seed,
        as_at: Date::ymd(2026, 3, 31),
        years: 6,
        errors: 0.0,
        la_code: "999".into(),
        la_name: "Sightline Synthetic Borough".into(),
        out: extract_dir.clone(),
    };
    let (summary, _) = generate(&gen, bars)?;
    let url = format!("sqlite://{}", db_path.display());
    let id = import_ssd(&url, &extract_dir, Some("demo".into()), bars)?;
    println!(
        "Sightline demo: a synthetic authority of {} children, as at {}",
        args.population, gen.as_at
    );
    println!("{summary}");
    println!("Extract: {}", extract_dir.display());
    println!("Store:   {url} (snapshot {id})");
    println!(
        "Done in {:.1}s. Try: sightline --database {url} snapshots",
        t0.elapsed().as_secs_f64()
    );
    if args.no_serve {
        return Ok(());
    }
    serve(
        &url,
        &ServeArgs {
            bind: args.bind.clone(),
            secure_cookies: false,
            idle_minutes: 30,
        },
    )
}

/// Starts the web application; on first run creates the administrator and prints its one-time
/// password (only its hash is stored).
fn serve(database: &str, args: &ServeArgs) -> Result<()> {
    let rt = runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        let admin = web::ensure_admin(&store).await?;
        let options = web::Options {
            bind: args.bind.clone(),
            secure_cookies: args.secure_cookies,
            session_idle_seconds: args.idle_minutes.max(1) * 60,
            ..web::Options::default()
        };
        let running = web::start(store, options).await?;
        println!("Sightline is running at http://{}/", running.addr);
        if let Some((user, password)) = admin {
            println!(
                "First run: sign in as `{user}` with the one-time password {password} \
                 (you will be asked to change it; it is not shown again)."
            );
        }
        println!("Figures are computed in the background; press Ctrl-C to stop.");
        tokio::select! {
            r = running.task => r.context("the server stopped")?,
            _ = tokio::signal::ctrl_c() => {}
        }
        Ok(())
    })
}
