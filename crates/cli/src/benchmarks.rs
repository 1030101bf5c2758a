//! `sightline benchmarks`: import the DfE's published LA-level statistics and the
//! statistical-neighbour model, and show an LA's published figures beside its comparators.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use indicators::benchmarks::{compare, Comparison};
use indicators::{Indicator, Polarity};

#[derive(Subcommand)]
pub enum BenchmarksCommand {
    /// Import DfE Explore Education Statistics LA-level CSV files and the statistical-neighbour
    /// model (sn_model_*.csv), replacing the stored ones, all or nothing. Files are recognised
    /// by their columns; files in neither layout are listed as skipped.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show an LA's published figures beside England, its region, its statistical neighbours'
    /// average and its rank and quartile among all LAs.
    Show {
        /// DfE three-digit LA code, e.g. 372.
        #[arg(long)]
        la_code: String,
        /// Latest reporting year (ending 31 March) to use; default the latest imported.
        #[arg(long)]
        year: Option<i32>,
    },
}

pub fn run(database: &str, cmd: BenchmarksCommand) -> Result<()> {
    match cmd {
        BenchmarksCommand::Import { files } => import(database, &files),
        BenchmarksCommand::Show { la_code, year } => show(database, &la_code, year),
    }
}

fn import(database: &str, paths: &[PathBuf]) -> Result<()> {
    let mut files = Vec::with_capacity(paths.len());
    for p in paths {
        let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        files.push((p.display().to_string(), bytes));
    }
    let rt = crate::runtime()?;
    let summaries = rt.block_on(async {
        let store = store::Store::open(database).await?;
        Ok::<_, anyhow::Error>(store.import_benchmarks(&files).await?)
    })?;
    let mut stored = 0;
    for s in &summaries {
        match s.kind {
            "statistics" => {
                stored += 1;
                let years = s
                    .years
                    .map(|(a, b)| format!("{a}-{b}"))
                    .unwrap_or_else(|| "no rows".into());
                let dims = if s.dimension_columns.is_empty() {
                    "none".to_string()
                } else {
                    s.dimension_columns.join(", ")
                };
                println!(
                    "{}: statistics, {} rows, years {years}; dimensions: {dims}; {} value columns",
                    s.name,
                    s.rows,
                    s.value_columns.len()
                );
            }
            "neighbours" => {
                stored += 1;
                println!("{}: statistical-neighbour model, {} LAs", s.name, s.rows);
            }
            _ => println!("{}: skipped, {}", s.name, s.note),
        }
    }
    println!("Stored {stored} benchmark files (replacing any imported before).");
    Ok(())
}

fn show(database: &str, la_code: &str, year: Option<i32>) -> Result<()> {
    let rt = crate::runtime()?;
    let set = rt.block_on(async {
        let store = store::Store::open(database).await?;
        Ok::<_, anyhow::Error>(store.benchmarks().await?)
    })?;
    let Some(year) = year.or_else(|| set.latest_year()) else {
        bail!("no DfE benchmarks in the store: run `sightline benchmarks import FILE...` first");
    };
    let Some(name) = set.la_name(la_code) else {
        bail!("LA {la_code} is in none of the imported benchmark files");
    };
    // Every catalogue indicator that has a published twin.
    let rows: Vec<(&Indicator, Option<Comparison>)> = indicators::catalogue()
        .iter()
        .filter_map(|i| {
            let twin = i.twin?;
            Some((i, compare(&set, &twin, i.polarity, la_code, year, None)))
        })
        .collect();
    let region = rows
        .iter()
        .filter_map(|(_, c)| c.as_ref())
        .map(|c| c.region_name.as_str())
        .find(|r| !r.is_empty())
        .unwrap_or("-");
    println!(
        "{name} ({la_code}), region {region}: DfE published figures, latest year up to {year}"
    );
    println!(
        "{:<28} {:<10} {:>5} {:>7} {:>7} {:>7} {:>12} {:>8} {:>8}",
        "indicator", "unit", "year", "LA", "England", "region", "SN avg (n)", "rank", "quartile"
    );
    let num = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into());
    for (b, c) in rows {
        let Some(c) = c else {
            println!("{:<28} {:<10} not imported", b.id, b.unit.label());
            continue;
        };
        let rank = c
            .rank
            .map(|r| format!("{r}/{}", c.of))
            .unwrap_or_else(|| "-".into());
        let quartile = match (c.quartile, b.polarity) {
            (None, _) => "-".to_string(),
            // Context measures have no better or worse: say which end of the range.
            (Some(q), Polarity::Neutral) => format!("Q{q}*"),
            (Some(q), _) => format!("Q{q}"),
        };
        println!(
            "{:<28} {:<10} {:>5} {:>7} {:>7} {:>7} {:>12} {:>8} {:>8}",
            b.id,
            b.unit.label(),
            c.year,
            num(c.la_published),
            num(c.england),
            num(c.region),
            format!("{} ({})", num(c.sn_average), c.sn_count),
            rank,
            quartile
        );
    }
    println!(
        "Rank 1 and Q1 are best; * context measure, ranked from the highest value. \
         SN avg: mean of the statistical neighbours with a published value (n of them)."
    );
    Ok(())
}
