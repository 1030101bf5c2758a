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
    /// Every indicator at monthly points for a generated authority (generation not timed).
    ///
    /// Target (issue 7): all indicators × 24 monthly points for 600,000 children under 3 s.
    Indicators {
        #[arg(long, default_value_t = 600_000)]
        population: u64,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        #[arg(long, default_value_t = 24)]
        months: u32,
        /// Timed repetitions (each prepares the model and computes every point again).
        #[arg(long, default_value_t = 3)]
        runs: u32,
    },
    /// The web application under concurrent clients: dashboard, an indicator page and the
    /// work list on a generated authority (generation, import and the snapshot's computation
    /// not timed).
    ///
    /// Target (issue 8): 32 clients on 60,000 children, p95 under 50 ms.
    Web {
        #[arg(long, default_value_t = 60_000)]
        population: u64,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        #[arg(long, default_value_t = 32)]
        clients: usize,
        /// Requests per client.
        #[arg(long, default_value_t = 60)]
        requests: usize,
    },
}

pub fn run(cmd: BenchCommand, bars: &Bars) -> Result<()> {
    match cmd {
        BenchCommand::Web {
            population,
            seed,
            clients,
            requests,
        } => crate::bench_web::run(population, seed, clients, requests, bars),
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
        BenchCommand::Indicators {
            population,
            seed,
            months,
            runs,
        } => bench_indicators(population, seed, months, runs, bars),
    }
}

fn bench_indicators(population: u64, seed: u64, months: u32, runs: u32, bars: &Bars) -> Result<()> {
    let as_at = model::Date::ymd(2026, 3, 31);
    let cfg = synth::Config::new(population, seed, as_at);
    let bar = bars.bar("Generating", population);
    let g = synth::generate(&cfg, &|done, _| bar.set_position(done));
    bar.finish_and_clear();
    let rows: usize = {
        struct Count(usize);
        impl model::TableVisitor for Count {
            fn visit<T: model::Table>(&mut self, rows: &[T]) {
                self.0 += rows.len();
            }
        }
        let mut c = Count(0);
        g.model.tables.visit(&mut c);
        c.0
    };
    let params = indicators::Params::default();
    let all: Vec<&indicators::Indicator> = indicators::catalogue().iter().collect();
    let points = indicators::monthly_points(as_at, months, params.period_months);
    let mut times = Vec::new();
    let mut units = 0;
    for _ in 0..runs.max(1) {
        let t0 = Instant::now();
        let prepared = indicators::Prepared::new(&g.model);
        let t_prep = t0.elapsed();
        let results = indicators::evaluate_all(&prepared, &params, &all, &points);
        times.push((t0.elapsed(), t_prep));
        units = results
            .iter()
            .flatten()
            .map(|e| e.units.len())
            .sum::<usize>();
    }
    times.sort();
    let (best, prep) = times[0];
    let median = times[times.len() / 2].0;
    println!("| population | people | rows | indicators × points | units | prepare | total (best) | total (median of {}) | peak RSS |", times.len());
    println!("|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {population} | {} | {rows} | {} × {} | {units} | {:.2} s | {:.2} s | {:.2} s | {} |",
        g.model.tables.people.len(),
        all.len(),
        points.len(),
        prep.as_secs_f64(),
        best.as_secs_f64(),
        median.as_secs_f64(),
        peak_rss_mib()
            .map(|m| format!("{m} MiB"))
            .unwrap_or_else(|| "n/a".into())
    );
    // Where the time goes: each indicator's series on one core, as `evaluate_all` computes it
    // (a dated indicator's units once, then sliced per point).
    let prepared = indicators::Prepared::new(&g.model);
    let one_core = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    let mut per: Vec<(f64, &str)> = one_core.install(|| {
        all.iter()
            .map(|ind| {
                let t = Instant::now();
                indicators::evaluate_all(&prepared, &params, &[*ind], &points);
                (t.elapsed().as_secs_f64(), ind.id)
            })
            .collect()
    });
    per.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = per
        .iter()
        .take(12)
        .map(|(t, id)| format!("{id} {t:.2} s"))
        .collect();
    let sum: f64 = per.iter().map(|(t, _)| t).sum();
    println!(
        "\nIndicators on one core: {sum:.2} s in all; slowest: {}",
        slowest.join(", ")
    );
    std::mem::forget(prepared);
    std::mem::forget(g);
    Ok(())
}

/// Peak resident memory of this process (Linux `VmHWM`).
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
