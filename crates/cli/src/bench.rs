//! `sightline bench …`: measured performance targets, printed as a BENCHMARKS.md row.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use clap::Subcommand;

use crate::progress::Bars;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Generate an authority, write its SSD extract and import it into a fresh store.
    ///
    /// Target (issue 2): 60,000 children end to end under 15 s; 600,000 under 2 minutes.
    Foundation {
        #[arg(long, default_value_t = 60_000)]
        population: u64,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Scratch directory (removed first); the store is a fresh SQLite file inside it.
        #[arg(long, default_value = "bench-foundation")]
        dir: PathBuf,
    },
}

pub fn run(cmd: BenchCommand, bars: &Bars) -> Result<()> {
    match cmd {
        BenchCommand::Foundation {
            population,
            seed,
            dir,
        } => {
            if dir.exists() {
                std::fs::remove_dir_all(&dir)?;
            }
            std::fs::create_dir_all(&dir)?;
            let extract = dir.join("ssd");
            let url = format!("sqlite://{}", dir.join("bench.db").display());
            let t0 = Instant::now();
            let args = crate::GenerateArgs {
                population,
                seed,
                as_at: model::Date::ymd(2026, 3, 31),
                years: 6,
                errors: 0.0,
                la_code: "999".into(),
                la_name: "Sightline Synthetic Borough".into(),
                out: extract.clone(),
            };
            let (_, timings) = crate::generate(&args, bars)?;
            let t_import = Instant::now();
            crate::import_ssd(&url, &extract, Some("bench".into()), bars)?;
            let import = t_import.elapsed();
            let total = t0.elapsed();
            let peak = peak_rss_mib();
            println!(
                "| population | rows | simulate | write CSV | read + import | total | peak RSS |"
            );
            println!("|---|---|---|---|---|---|---|");
            println!(
                "| {population} | {} | {:.1} s | {:.1} s | {:.1} s | {:.1} s | {} |",
                timings.rows,
                timings.generate.as_secs_f64(),
                timings.write.as_secs_f64(),
                import.as_secs_f64(),
                total.as_secs_f64(),
                peak.map(|m| format!("{m} MiB"))
                    .unwrap_or_else(|| "n/a".into())
            );
            Ok(())
        }
    }
}

/// Peak resident memory of this process (Linux `VmHWM`).
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
