//! Imports are snapshots with provenance, and load back exactly; a database failure part-way
//! through an import leaves nothing behind.

#[macro_use]
mod common;

use std::sync::atomic::{AtomicU64, Ordering};

use common::*;
use store::{ImportMeta, Store, StoreError, TOOL_VERSION};

fn meta(label: Option<&str>) -> ImportMeta<'_> {
    ImportMeta {
        kind: "ssd",
        source: "test",
        label,
    }
}

on_both_backends!(
    hand_built_model_round_trips,
    ssd_dir_import_records_provenance,
    every_table_round_trips,
    a_database_failure_mid_import_rolls_everything_back,
    concurrent_imports_get_distinct_snapshots,
    the_snapshot_cache_loads_what_the_tables_hold,
    child_level_use_is_audited,
);

/// A snapshot loads the same from its cache as from its tables; a stale or damaged cache is
/// ignored and rewritten, and an old store without one gets one on first load.
async fn the_snapshot_cache_loads_what_the_tables_hold(b: &Backend) {
    let model = generated(300);
    let store = Store::open(&b.url).await.unwrap();
    let id = store
        .import(&model.tables, &model.la, &[], meta(None), &quiet)
        .await
        .unwrap();
    let info = store.snapshot(id).await.unwrap();
    assert_eq!(store.load(id).await.unwrap(), model, "[{}] cache", b.name);
    assert_eq!(
        store.load_from_tables(id, info).await.unwrap(),
        model,
        "[{}] tables",
        b.name
    );
    for damage in [
        "UPDATE snapshot_cache SET fingerprint = 'an older model'",
        "DELETE FROM snapshot_cache",
    ] {
        sqlx::query(damage).execute(store.pool()).await.unwrap();
        assert_eq!(
            store.load(id).await.unwrap(),
            model,
            "[{}] {damage}",
            b.name
        );
        let fresh: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM snapshot_cache WHERE fingerprint <> 'an older model'",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(fresh, 1, "[{}] rewritten after {damage}", b.name);
    }
}

/// Audit entries record actor, action, snapshot and detail, newest first.
async fn child_level_use_is_audited(b: &Backend) {
    let model = generated(50);
    let store = Store::open(&b.url).await.unwrap();
    let id = store
        .import(&model.tables, &model.la, &[], meta(None), &quiet)
        .await
        .unwrap();
    store
        .audit(
            "analyst1",
            "export annex-a",
            Some(id),
            "as at 2026-03-31 to a.xlsx",
        )
        .await
        .unwrap();
    store
        .audit("analyst2", "export cin", None, "x")
        .await
        .unwrap();
    let log = store.audit_entries(10).await.unwrap();
    assert_eq!(log.len(), 2);
    assert!(log.iter().any(|e| e.actor == "analyst1"
        && e.action == "export annex-a"
        && e.snapshot == Some(id)
        && e.detail == "as at 2026-03-31 to a.xlsx"));
    // An entry for a snapshot that does not exist is refused.
    assert!(store.audit("a", "b", Some(id + 99), "").await.is_err());
}

/// Person, referral, assessment with factors JSON, placement with a decimal distance, integers,
/// quoting, non-ASCII text and NULLs all come back equal.
async fn hand_built_model_round_trips(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    assert_eq!(store.latest_snapshot().await.unwrap(), None);
    let model = hand_built();
    let id = store
        .import(&model.tables, &model.la, &[], meta(None), &quiet)
        .await
        .unwrap();
    let loaded = store.load(id).await.unwrap();
    assert_eq!(loaded, model, "[{}]", b.name);
    // Spot-check the stored cells are typed, not text, so SQL over them works.
    let dist: f64 = sqlx::query_scalar(
        "SELECT clap_cla_placement_distance FROM ssd_cla_placement WHERE clap_cla_placement_id = 'PL1'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(dist, 12.37);
    let nulls: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM ssd_cla_placement WHERE clap_cla_placement_distance IS NULL",
    )
    .fetch_one(store.pool())
    .await
    .unwrap();
    assert_eq!(nulls, 1);
    let score: i64 = sqlx::query_scalar("SELECT MAX(csdq_sdq_score) FROM ssd_sdq_scores")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(score, 14);
    assert!(matches!(
        store.load(id + 1).await,
        Err(StoreError::NoSnapshot(_))
    ));
}

async fn ssd_dir_import_records_provenance(b: &Backend) {
    let dir = tempfile::tempdir().unwrap();
    let model = hand_built();
    let mut written = formats::ssd::write_dir(&model, dir.path()).unwrap();
    written.sort_by(|a, b| a.name.cmp(&b.name));
    let store = Store::open(&b.url).await.unwrap();
    let t0 = chrono::Utc::now();
    let id = store
        .import_ssd_dir(dir.path(), Some("first"), &quiet)
        .await
        .unwrap();
    let info = store.snapshot(id).await.unwrap();
    assert_eq!(info.id, id);
    assert_eq!(info.label.as_deref(), Some("first"));
    assert_eq!(info.kind, "ssd");
    assert_eq!(info.source, dir.path().display().to_string());
    assert_eq!(info.tool_version, TOOL_VERSION);
    assert_eq!(info.la, model.la);
    let created = chrono::DateTime::parse_from_rfc3339(&info.created_at).unwrap();
    assert!(info.created_at.ends_with('Z'), "UTC: {}", info.created_at);
    assert!((created.timestamp() - t0.timestamp()).abs() < 300);
    // Names, hashes and row counts are exactly those of the files on disk.
    assert_eq!(info.files, written, "[{}]", b.name);
    let people = info
        .files
        .iter()
        .find(|f| f.name == "ssd_person.csv")
        .unwrap();
    assert_eq!(people.rows, 4);
    let bytes = std::fs::read(dir.path().join("ssd_person.csv")).unwrap();
    assert_eq!(people.sha256, formats::ssd::sha256_hex(&bytes));
    let table_rows: u64 = written
        .iter()
        .filter(|f| f.name.ends_with(".csv"))
        .map(|f| f.rows)
        .sum();
    assert_eq!(info.row_count as u64, table_rows);
    assert_eq!(store.load(id).await.unwrap(), model);

    // A second import is a second snapshot; the first is untouched.
    let id2 = store
        .import_ssd_dir(dir.path(), None, &quiet)
        .await
        .unwrap();
    assert_eq!((id, id2), (1, 2));
    assert_eq!(store.latest_snapshot().await.unwrap(), Some(id2));
    let all = store.snapshots().await.unwrap();
    assert_eq!(all.iter().map(|s| s.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(all[0], info);
    assert_eq!(all[1].label, None);
    assert_eq!(
        store.load(id).await.unwrap(),
        store.load(id2).await.unwrap()
    );
}

/// A synthetic authority with every table populated, through the extract format and back.
async fn every_table_round_trips(b: &Backend) {
    let mut g = synth::generate(
        &synth::Config::new(400, 11, model::Date::ymd(2026, 3, 31)),
        &|_, _| {},
    );
    // Deprivation of liberty orders are too rare for an authority this small to have one.
    let t = &mut g.model.tables;
    if t.deprivations_of_liberty.is_empty() {
        let e = &t.cla_episodes[0];
        t.deprivations_of_liberty
            .push(model::tables::DeprivationOfLiberty {
                dolo_table_id: model::Id::new("DOLO1").unwrap(),
                dolo_person_id: e.clae_person_id.clone(),
                dolo_start_date: e.clae_cla_episode_start_date,
                dolo_end_date: None,
            });
    }
    let dir = tempfile::tempdir().unwrap();
    formats::ssd::write_dir(&g.model, dir.path()).unwrap();
    let store = Store::open(&b.url).await.unwrap();
    let id = store
        .import_ssd_dir(dir.path(), None, &quiet)
        .await
        .unwrap();
    let loaded = store.load(id).await.unwrap();
    struct Empty(Vec<&'static str>);
    impl model::TableVisitor for Empty {
        fn visit<T: model::Table>(&mut self, rows: &[T]) {
            if rows.is_empty() {
                self.0.push(T::NAME);
            }
        }
    }
    let mut empty = Empty(vec![]);
    g.model.tables.visit(&mut empty);
    assert!(
        empty.0.len() <= 3,
        "too few tables exercised: {:?}",
        empty.0
    );
    assert_eq!(loaded, g.model, "[{}]", b.name);
}

/// The database itself rejects a row of the last table written, after thousands of rows of
/// earlier tables went in inside the transaction: nothing of the import may remain.
async fn a_database_failure_mid_import_rolls_everything_back(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    let good = hand_built();
    store
        .import(&good.tables, &good.la, &[], meta(Some("good")), &quiet)
        .await
        .unwrap();
    let before = dump(&store).await;

    // Bypasses the reader's checks, as a bug or a concurrent change might.
    let mut big = generated(3_000);
    let dup = big.tables.cin_episodes[1_234].clone();
    big.tables.cin_episodes.push(dup);
    let written = AtomicU64::new(0);
    let err = store
        .import(&big.tables, &big.la, &[], meta(None), &|_, n, _| {
            written.fetch_add(n, Ordering::Relaxed);
        })
        .await
        .expect_err("a duplicate key must fail");
    let msg = err.to_string();
    assert!(msg.contains("writing ssd_cin_episodes"), "{msg}");
    assert!(!msg.contains("GR0001234"), "row data in the message: {msg}");
    assert!(
        written.into_inner() >= 6_000,
        "the failure must come after earlier tables were written"
    );
    assert_eq!(
        dump(&store).await,
        before,
        "[{}] partial import visible",
        b.name
    );

    // The store is usable afterwards and the failed import used up no id.
    let id = store
        .import(&good.tables, &good.la, &[], meta(None), &quiet)
        .await
        .unwrap();
    assert_eq!(id, 2);
    assert_eq!(store.load(1).await.unwrap(), good);
}

/// Two imports at once serialise on the store's write lock instead of colliding on an id.
async fn concurrent_imports_get_distinct_snapshots(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    let a = generated(2_000);
    let h = hand_built();
    let (x, y) = tokio::join!(
        store.import(&a.tables, &a.la, &[], meta(Some("a")), &quiet),
        store.import(&h.tables, &h.la, &[], meta(Some("h")), &quiet),
    );
    let (x, y) = (x.unwrap(), y.unwrap());
    let mut ids = [x, y];
    ids.sort();
    assert_eq!(ids, [1, 2], "[{}]", b.name);
    assert_eq!(store.load(x).await.unwrap(), a);
    assert_eq!(store.load(y).await.unwrap(), h);
}
