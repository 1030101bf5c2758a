//! Measures import and load throughput on a synthetic authority.
//!
//! `cargo run --release -p store --example import_bench -- [population] [database-url]`
//! (default 60,000 children into a fresh SQLite file in a temporary directory; 560,000 gives
//! about 4 million rows). Set `BENCH_SKIP_LOAD=1` to time only the import.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use store::{ImportMeta, Store};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let population: u64 = args
        .next()
        .map_or(60_000, |p| p.parse().expect("population"));
    let tmp = tempfile::tempdir().unwrap();
    let url = args
        .next()
        .unwrap_or_else(|| format!("sqlite://{}", tmp.path().join("bench.db").display()));

    let t = Instant::now();
    let g = synth::generate(
        &synth::Config::new(population, 7, model::Date::ymd(2026, 3, 31)),
        &|_, _| {},
    );
    let dir = tmp.path().join("ssd");
    formats::ssd::write_dir(&g.model, &dir).unwrap();
    drop(g);
    eprintln!("generated and wrote the extract in {:.1?}", t.elapsed());

    let t = Instant::now();
    let extract = formats::ssd::read_dir(&dir).unwrap();
    let read = t.elapsed();
    let rows: u64 = extract
        .files
        .iter()
        .filter(|f| f.name.ends_with(".csv"))
        .map(|f| f.rows)
        .sum();
    let rate = |d: Duration| rows as f64 / d.as_secs_f64();

    let store = Store::open(&url).await.unwrap();
    let backend = if store.is_sqlite() {
        "sqlite"
    } else {
        "postgres"
    };
    println!("{backend}: population {population}, {rows} rows");
    println!(
        "read + check CSV:  {:>6.2} s {:>8.0} rows/s",
        read.as_secs_f64(),
        rate(read)
    );
    let meta = ImportMeta {
        kind: "ssd",
        source: "bench",
        label: None,
    };
    // The last progress call comes after the last INSERT, so what follows it is the commit
    // (for SQLite, including the WAL checkpoint).
    let last_insert = Mutex::new(Instant::now());
    let t = Instant::now();
    let id = store
        .import_extract(&extract, meta, &|_, _, _| {
            *last_insert.lock().unwrap() = Instant::now();
        })
        .await
        .unwrap();
    let write = t.elapsed();
    let commit = last_insert.lock().unwrap().elapsed();
    println!(
        "import (DB write): {:>6.2} s {:>8.0} rows/s (commit {:.2} s)",
        write.as_secs_f64(),
        rate(write),
        commit.as_secs_f64()
    );
    if std::env::var_os("BENCH_SKIP_LOAD").is_some() {
        return;
    }
    let t = Instant::now();
    let loaded = store.load(id).await.unwrap();
    let load = t.elapsed();
    assert!(loaded.tables == extract.tables, "round trip differs");
    println!(
        "load (DB read):    {:>6.2} s {:>8.0} rows/s",
        load.as_secs_f64(),
        rate(load)
    );
}
