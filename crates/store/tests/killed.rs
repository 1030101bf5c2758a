//! A process killed in the middle of an import leaves the store as it was before the import.

mod common;

use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

use common::*;
use store::Store;

const CHILD_ENV: &str = "SIGHTLINE_KILL_TEST_CHILD";

/// A synthetic authority (every table populated) written as an SSD extract.
fn write_extract(dir: &std::path::Path, population: u64, seed: u64) {
    let g = synth::generate(
        &synth::Config::new(population, seed, model::Date::ymd(2026, 3, 31)),
        &|_, _| {},
    );
    formats::ssd::write_dir(&g.model, dir).unwrap();
}

/// In the child: import the large extract and never return normally (the parent kills us).
fn child(db: &str, dir: &str) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = Store::open(db).await.unwrap();
        store
            .import_ssd_dir(std::path::Path::new(dir), Some("killed"), &quiet)
            .await
            .unwrap();
    });
    // Reaching here means the import finished before the kill; the parent detects that.
    std::process::exit(0);
}

#[test]
fn killing_the_process_mid_import_leaves_the_store_unchanged() {
    if let Ok(v) = std::env::var(CHILD_ENV) {
        let (db, dir) = v.split_once('|').unwrap();
        child(db, dir);
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let small = work.path().join("small");
    let large = work.path().join("large");
    write_extract(&small, 1_000, 1);
    write_extract(&large, 40_000, 2);
    let db_file = work.path().join("kill.db");
    let url = format!("sqlite://{}", db_file.display());
    let rt = tokio::runtime::Runtime::new().unwrap();
    let before = rt.block_on(async {
        let store = Store::open(&url).await.unwrap();
        store
            .import_ssd_dir(&small, Some("before"), &quiet)
            .await
            .unwrap();
        let d = dump(&store).await;
        store.pool().close().await;
        d
    });

    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "killing_the_process_mid_import_leaves_the_store_unchanged",
            "--nocapture",
        ])
        .env(CHILD_ENV, format!("{url}|{}", large.display()))
        .spawn()
        .unwrap();
    // Wait until the child's transaction is writing pages to the WAL, then kill it outright.
    let wal = work.path().join("kill.db-wal");
    let start = Instant::now();
    let baseline = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    loop {
        let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        if size > baseline + 8 * 1024 * 1024 {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "child never started writing"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "child finished before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the child must die by SIGKILL, mid-import"
    );

    rt.block_on(async {
        let store = Store::open(&url).await.unwrap();
        let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(ok, "ok");
        assert_eq!(store.latest_snapshot().await.unwrap(), Some(1));
        assert_eq!(dump(&store).await, before);
    });
}
