//! Shared fixtures: a generated extract on disk, the backends to test on, and a full dump of a
//! store's content for before/after comparisons.
#![allow(dead_code)]

use std::path::Path;

use model::{Date, Tables};
use store::Store;

/// A small synthetic authority (every table populated) written as an SSD extract.
pub fn write_extract(dir: &Path, population: u64, seed: u64) -> model::CaseModel {
    let g = synth::generate(
        &synth::Config::new(population, seed, Date::ymd(2026, 3, 31)),
        &|_, _| {},
    );
    formats::ssd::write_dir(&g.model, dir).unwrap();
    g.model
}

/// A database to test on: a fresh SQLite file, or a fresh PostgreSQL schema.
pub struct Backend {
    pub name: &'static str,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// SQLite always; PostgreSQL too when `SIGHTLINE_TEST_DATABASE_URL` is set.
pub async fn backends() -> Vec<Backend> {
    let dir = tempfile::tempdir().unwrap();
    let mut v = vec![Backend {
        name: "sqlite",
        url: format!("sqlite://{}", dir.path().join("t.db").display()),
        _dir: Some(dir),
    }];
    match std::env::var("SIGHTLINE_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => v.push(Backend {
            name: "postgres",
            url: fresh_pg_schema(&base).await,
            _dir: None,
        }),
        _ => eprintln!("SIGHTLINE_TEST_DATABASE_URL not set: skipping the PostgreSQL run"),
    }
    v
}

/// Creates a uniquely named schema so tests run in parallel without seeing each other.
async fn fresh_pg_schema(base: &str) -> String {
    use sqlx::Executor;
    sqlx::any::install_default_drivers();
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let schema = format!("t{}_{}", std::process::id(), n % 1_000_000_000_000);
    let pool = sqlx::AnyPool::connect(base).await.unwrap();
    pool.execute(format!("CREATE SCHEMA {schema}").as_str())
        .await
        .unwrap();
    pool.close().await;
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{schema}")
}

/// Everything a user could see in the store: every snapshot's provenance, every table's rows
/// per snapshot, and each snapshot loaded back.
pub async fn dump(store: &Store) -> String {
    let mut out = String::new();
    let snaps = store.snapshots().await.unwrap();
    for s in &snaps {
        out.push_str(&format!("{s:?}\n"));
        let m = store.load(s.id).await.unwrap();
        out.push_str(&format!("{:?}\n", m.tables));
    }
    for t in Tables::NAMES
        .iter()
        .chain(["snapshots", "snapshot_files"].iter())
    {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {t}"))
            .fetch_one(store.pool())
            .await
            .unwrap();
        out.push_str(&format!("{t}: {n}\n"));
    }
    out
}

pub fn quiet(_: &str, _: u64, _: u64) {}
