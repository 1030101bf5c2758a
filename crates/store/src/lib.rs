//! Sightline's store: snapshots of the case model in SQLite (the default, a single WAL-mode
//! file) or PostgreSQL, through one sqlx `Any` code path.
//!
//! An import is a snapshot: every table of an extract is written inside one transaction,
//! together with its provenance (time, source, each file's name, SHA-256 and row count, the tool
//! version). Nothing is visible until the commit, and any failure — a bad file, a database
//! error, a killed process — leaves the store exactly as it was.
//!
//! Rows travel generically: a table is serialised with the SSD CSV writer and each cell is
//! bound by its column's [`ColumnKind`]; loading does the reverse and parses with the SSD
//! reader. So the store holds the same canonical text as an extract, and no table needs code
//! of its own here.

pub mod cache;
pub mod ofsted;
pub mod schema;
pub mod validation;
pub mod web;

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::path::Path;

use formats::ssd::{Extract, SourceFile};
use futures_util::TryStreamExt;
use model::{CaseModel, ColumnKind, LaInfo, Table, TableSource, TableVisitor, Tables};
use sqlx::any::AnyPoolOptions;
use sqlx::{Any, AnyConnection, AnyPool, Executor, Row, Transaction};

use schema::ROW_NO;

/// Identifies a snapshot; ids are assigned 1, 2, 3… in import order.
pub type SnapshotId = i64;

/// Version recorded with every snapshot.
pub const TOOL_VERSION: &str = concat!("sightline ", env!("CARGO_PKG_VERSION"));

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Why a store operation failed. Messages name tables, columns and files, never row contents
/// (apart from a [`formats::ReadError`], which quotes the one offending cell so it can be fixed).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the database {url}: {source}")]
    Open { url: String, source: sqlx::Error },
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error while {doing}: {source}")]
    Db { doing: String, source: sqlx::Error },
    #[error("{0}")]
    Read(#[from] formats::ReadError),
    #[error(
        "{dir}: la.json is missing; it gives the LA code, name, child population and extract date"
    )]
    MissingLaInfo { dir: String },
    /// A cell that the typed model produced could not be turned back into a value; a bug, not
    /// bad input. Names where, not what.
    #[error("{table}, column {column}: {why}")]
    Encode {
        table: &'static str,
        column: String,
        why: String,
    },
    #[error("no snapshot {0} in the store")]
    NoSnapshot(SnapshotId),
    #[error("{0}")]
    Benchmarks(#[from] indicators::benchmarks::BenchmarkError),
    #[error("{0}")]
    Ofsted(#[from] ::ofsted::OfstedError),
    /// An improvement-plan request that cannot be met (no such finding, unknown indicator).
    #[error("{0}")]
    Plan(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

fn db(doing: impl Into<String>) -> impl FnOnce(sqlx::Error) -> StoreError {
    let doing = doing.into();
    move |source| StoreError::Db { doing, source }
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub snapshot: Option<SnapshotId>,
    pub detail: String,
}

/// A snapshot's provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotInfo {
    pub id: SnapshotId,
    /// ISO-8601 UTC, e.g. `2026-04-01T09:30:00Z`.
    pub created_at: String,
    /// `ssd`, `cin`, `903`, …
    pub kind: String,
    /// Where it came from, as given (e.g. the extract directory).
    pub source: String,
    pub tool_version: String,
    pub la: LaInfo,
    pub label: Option<String>,
    /// Rows over all tables.
    pub row_count: i64,
    /// The files read, by name.
    pub files: Vec<SourceFile>,
}

impl fmt::Display for SnapshotInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "snapshot {} [{}] {} rows, {} ({} {}, {} children, as at {}) imported {} from {} by {}",
            self.id,
            self.label.as_deref().unwrap_or("-"),
            self.row_count,
            self.kind,
            self.la.la_code,
            self.la.la_name,
            self.la.child_population,
            self.la.as_at,
            self.created_at,
            self.source,
            self.tool_version
        )?;
        for file in &self.files {
            writeln!(
                f,
                "    {:<36} {:>9} rows  sha256 {}",
                file.name, file.rows, file.sha256
            )?;
        }
        Ok(())
    }
}

/// One stored benchmark file (see [`Store::import_benchmarks`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchmarkFile {
    pub name: String,
    /// `statistics` or `neighbours`.
    pub kind: String,
    pub sha256: String,
    pub rows: i64,
    /// ISO-8601 UTC.
    pub imported_at: String,
}

/// What an import is called and where it came from.
#[derive(Debug, Clone, Default)]
pub struct ImportMeta<'a> {
    /// `ssd`, `cin`, `903`, …
    pub kind: &'a str,
    pub source: &'a str,
    pub label: Option<&'a str>,
}

/// Progress callback, called after each multi-row INSERT: `(table, rows written by that
/// INSERT, rows in the whole import)`. Summing the second argument gives rows done so far.
pub type Progress<'a> = &'a (dyn Fn(&str, u64, u64) + Sync);

/// A connection pool to one Sightline database.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    sqlite: bool,
}

impl Store {
    /// `SIGHTLINE_DATABASE_URL`, or `sqlite://sightline.db`.
    pub fn default_url() -> String {
        std::env::var("SIGHTLINE_DATABASE_URL")
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "sqlite://sightline.db".into())
    }

    /// Opens (creating if needed) a SQLite file or connects to PostgreSQL, and migrates it.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        // `mode=rwc` makes SQLite create the file on first use.
        let url_full = if sqlite && !url.contains("mode=") {
            format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
        } else {
            url.to_string()
        };
        let mut options = AnyPoolOptions::new().max_connections(if sqlite { 4 } else { 8 });
        if sqlite {
            // The Any driver cannot take SqliteConnectOptions, so set these per connection.
            // WAL lets readers run during an import and makes a killed writer harmless;
            // synchronous=NORMAL is durable at each commit under WAL; the busy timeout makes a
            // second writer wait for the first instead of failing at once; a 64 MiB page cache
            // (default 2 MiB) keeps the indexes of a large import in memory; sorts for loading
            // stay in memory rather than temporary files.
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; \
                         PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        let pool = options
            .connect(&url_full)
            .await
            .map_err(|source| StoreError::Open {
                url: redact(url),
                source,
            })?;
        MIGRATOR.run(&pool).await?;
        Ok(Store { pool, sqlite })
    }

    pub fn is_sqlite(&self) -> bool {
        self.sqlite
    }

    /// The underlying pool, for queries of the store's tables.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes every connection (SQLite then checkpoints and removes its WAL file).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Reads an SSD extract directory and imports it as a snapshot. The whole extract is read
    /// and checked before the database is touched.
    pub async fn import_ssd_dir(
        &self,
        dir: &Path,
        label: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<SnapshotId> {
        let extract = formats::ssd::read_dir(dir)?;
        let source = dir.display().to_string();
        self.import_extract(
            &extract,
            ImportMeta {
                kind: "ssd",
                source: &source,
                label,
            },
            progress,
        )
        .await
    }

    /// Imports an extract that has been read and checked; it must carry its `la.json`.
    pub async fn import_extract(
        &self,
        extract: &Extract,
        meta: ImportMeta<'_>,
        progress: Progress<'_>,
    ) -> Result<SnapshotId> {
        let la = extract
            .la
            .as_ref()
            .ok_or_else(|| StoreError::MissingLaInfo {
                dir: meta.source.to_string(),
            })?;
        self.import(&extract.tables, la, &extract.files, meta, progress)
            .await
    }

    /// Writes a model as a new snapshot, all or nothing, and returns its id.
    pub async fn import(
        &self,
        tables: &Tables,
        la: &LaInfo,
        files: &[SourceFile],
        meta: ImportMeta<'_>,
        progress: Progress<'_>,
    ) -> Result<SnapshotId> {
        let mut tx = self.begin_write().await?;
        match write_snapshot(&mut tx, self.sqlite, tables, la, files, &meta, progress).await {
            Ok(id) => {
                tx.commit().await.map_err(db("committing the import"))?;
                Ok(id)
            }
            Err(e) => {
                // Dropping would also roll back, but only when the connection is next used;
                // doing it now releases SQLite's write lock at once.
                let _ = tx.rollback().await;
                Err(e)
            }
        }
    }

    /// Starts the import transaction holding the store's write lock, so two concurrent
    /// imports cannot both compute the same next snapshot id: the second waits.
    async fn begin_write(&self) -> Result<Transaction<'static, Any>> {
        let doing = "starting the import";
        if self.sqlite {
            self.pool
                .begin_with("BEGIN IMMEDIATE")
                .await
                .map_err(db(doing))
        } else {
            let mut tx = self.pool.begin().await.map_err(db(doing))?;
            // This mode conflicts with itself and with writers, not with readers.
            tx.execute("LOCK TABLE snapshots IN SHARE ROW EXCLUSIVE MODE")
                .await
                .map_err(db(doing))?;
            Ok(tx)
        }
    }

    /// Replaces the store's DfE benchmark files with `files` (name, bytes), all or nothing:
    /// every file is parsed first, so a bad file leaves the store exactly as it was. Files in
    /// neither benchmark layout are reported as skipped and not stored.
    pub async fn import_benchmarks<N: AsRef<str>, B: AsRef<[u8]>>(
        &self,
        files: &[(N, B)],
    ) -> Result<Vec<indicators::benchmarks::FileSummary>> {
        use sha2::{Digest, Sha256};
        let (_, summaries) = indicators::benchmarks::BenchmarkSet::from_files(files)?;
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let doing = "importing benchmark files";
        let mut tx = if self.sqlite {
            self.pool.begin_with("BEGIN IMMEDIATE").await
        } else {
            self.pool.begin().await
        }
        .map_err(db(doing))?;
        if !self.sqlite {
            // Two concurrent imports would otherwise both delete and then collide on insert.
            tx.execute("LOCK TABLE benchmark_files IN SHARE ROW EXCLUSIVE MODE")
                .await
                .map_err(db(doing))?;
        }
        sqlx::query("DELETE FROM benchmark_files")
            .execute(&mut *tx)
            .await
            .map_err(db(doing))?;
        for ((name, bytes), summary) in files.iter().zip(&summaries) {
            if summary.kind == "skipped" {
                continue;
            }
            let name = name.as_ref();
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            sqlx::query(
                "INSERT INTO benchmark_files (file_name, kind, sha256, row_count, imported_at, \
                 content) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(base.to_string())
            .bind(summary.kind)
            .bind(hex::encode(Sha256::digest(bytes.as_ref())))
            .bind(summary.rows as i64)
            .bind(now.as_str())
            .bind(bytes.as_ref().to_vec())
            .execute(&mut *tx)
            .await
            .map_err(db(format!("storing benchmark file {base}")))?;
        }
        tx.commit().await.map_err(db(doing))?;
        Ok(summaries)
    }

    /// The stored benchmark files, by name.
    pub async fn benchmark_files(&self) -> Result<Vec<BenchmarkFile>> {
        let rows = self
            .stored_files("benchmark_files", "kind", "listing benchmark files")
            .await?;
        Ok(rows
            .into_iter()
            .map(|(name, kind, sha256, rows, imported_at)| BenchmarkFile {
                name,
                kind,
                sha256,
                rows,
                imported_at,
            })
            .collect())
    }

    /// The rows of a table of imported files (`benchmark_files`, `ofsted_files`), by name:
    /// name, the file's kind (`kind_column`), SHA-256, row count and when it was imported.
    async fn stored_files(
        &self,
        table: &str,
        kind_column: &str,
        what: &'static str,
    ) -> Result<Vec<(String, String, String, i64, String)>> {
        let doing = || db(what);
        let rows = sqlx::query(&format!(
            "SELECT file_name, {kind_column}, sha256, row_count, imported_at FROM {table} \
             ORDER BY file_name"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(doing())?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0).map_err(doing())?,
                    r.try_get(1).map_err(doing())?,
                    r.try_get(2).map_err(doing())?,
                    r.try_get(3).map_err(doing())?,
                    r.try_get(4).map_err(doing())?,
                ))
            })
            .collect()
    }

    /// The stored DfE benchmarks, parsed again from the files as imported (empty when none
    /// have been imported).
    pub async fn benchmarks(&self) -> Result<indicators::benchmarks::BenchmarkSet> {
        let doing = || db("reading benchmark files");
        let rows = sqlx::query("SELECT file_name, content FROM benchmark_files ORDER BY file_name")
            .fetch_all(&self.pool)
            .await
            .map_err(doing())?;
        let files = rows
            .iter()
            .map(|r| Ok((r.try_get::<String, _>(0)?, r.try_get::<Vec<u8>, _>(1)?)))
            .collect::<std::result::Result<Vec<_>, sqlx::Error>>()
            .map_err(doing())?;
        // Parsing some megabytes of CSV is CPU work: keep it off the async workers.
        let parsed = tokio::task::spawn_blocking(move || {
            indicators::benchmarks::BenchmarkSet::from_files(&files)
        })
        .await
        .map_err(|e| StoreError::Encode {
            table: "benchmark_files",
            column: "content".into(),
            why: e.to_string(),
        })?;
        Ok(parsed?.0)
    }

    /// Records a use of child-level data (an export, a page of children). Call it before the
    /// data leaves the store, so a failure to audit stops the export.
    pub async fn audit(
        &self,
        actor: &str,
        action: &str,
        snapshot: Option<SnapshotId>,
        detail: &str,
    ) -> Result<()> {
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        sqlx::query(
            "INSERT INTO audit_log (at, actor, action, snapshot_id, detail) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(now)
        .bind(actor)
        .bind(action)
        .bind(snapshot)
        .bind(detail)
        .execute(&self.pool)
        .await
        .map_err(db("recording the audit entry"))?;
        Ok(())
    }

    /// The audit log, newest first.
    pub async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT at, actor, action, snapshot_id, detail FROM audit_log \
             ORDER BY at DESC, action LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(db("reading the audit log"))?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    at: r.try_get(0).map_err(db("reading the audit log"))?,
                    actor: r.try_get(1).map_err(db("reading the audit log"))?,
                    action: r.try_get(2).map_err(db("reading the audit log"))?,
                    snapshot: r.try_get(3).map_err(db("reading the audit log"))?,
                    detail: r.try_get(4).map_err(db("reading the audit log"))?,
                })
            })
            .collect()
    }

    /// The most recent snapshot, if any.
    pub async fn latest_snapshot(&self) -> Result<Option<SnapshotId>> {
        sqlx::query_scalar("SELECT MAX(snapshot_id) FROM snapshots")
            .fetch_one(&self.pool)
            .await
            .map_err(db("finding the latest snapshot"))
    }

    /// Every snapshot, oldest first, with its files.
    pub async fn snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        self.snapshot_infos(None).await
    }

    /// One snapshot's provenance.
    pub async fn snapshot(&self, id: SnapshotId) -> Result<SnapshotInfo> {
        self.snapshot_infos(Some(id))
            .await?
            .pop()
            .ok_or(StoreError::NoSnapshot(id))
    }

    async fn snapshot_infos(&self, only: Option<SnapshotId>) -> Result<Vec<SnapshotInfo>> {
        // `$1 IS NULL` needs a typed parameter on PostgreSQL; -1 matches nothing instead.
        let filter = "WHERE $1 < 0 OR snapshot_id = $1";
        let only = only.unwrap_or(-1);
        let rows = sqlx::query(&format!(
            "SELECT snapshot_id, created_at, kind, source, tool_version, la_code, la_name, \
             child_population, as_at, label, row_count FROM snapshots {filter} ORDER BY snapshot_id"
        ))
        .bind(only)
        .fetch_all(&self.pool)
        .await
        .map_err(db("listing snapshots"))?;
        let files = sqlx::query(&format!(
            "SELECT snapshot_id, file_name, sha256, row_count FROM snapshot_files {filter} \
             ORDER BY snapshot_id, file_name"
        ))
        .bind(only)
        .fetch_all(&self.pool)
        .await
        .map_err(db("listing snapshot files"))?;
        let mut by_snapshot: HashMap<SnapshotId, Vec<SourceFile>> = HashMap::new();
        for f in files {
            by_snapshot.entry(f.get(0)).or_default().push(SourceFile {
                name: f.get(1),
                sha256: f.get(2),
                rows: f.get::<i64, _>(3) as u64,
            });
        }
        rows.into_iter()
            .map(|r| {
                let id: SnapshotId = r.get(0);
                let as_at: String = r.get(8);
                Ok(SnapshotInfo {
                    id,
                    created_at: r.get(1),
                    kind: r.get(2),
                    source: r.get(3),
                    tool_version: r.get(4),
                    la: LaInfo {
                        la_code: r.get(5),
                        la_name: r.get(6),
                        child_population: r.get::<i64, _>(7) as u64,
                        as_at: as_at.parse().map_err(|e| StoreError::Encode {
                            table: "snapshots",
                            column: "as_at".into(),
                            why: format!("snapshot {id}: {e}"),
                        })?,
                    },
                    label: r.get(9),
                    row_count: r.get(10),
                    files: by_snapshot.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Loads a snapshot back into the case model, rows in the order they were imported: from
    /// the snapshot's cache when it matches this build's model, else from its tables (and
    /// then the cache is written for next time).
    pub async fn load(&self, id: SnapshotId) -> Result<CaseModel> {
        let info = self.snapshot(id).await?;
        let cached: Option<Vec<u8>> = sqlx::query_scalar(
            "SELECT model FROM snapshot_cache WHERE snapshot_id = $1 AND fingerprint = $2",
        )
        .bind(id)
        .bind(cache::fingerprint())
        .fetch_optional(&self.pool)
        .await
        .map_err(db("reading the snapshot cache"))?;
        if let Some(bytes) = cached {
            match tokio::task::spawn_blocking(move || cache::decode(&bytes)).await {
                Ok(Ok(tables)) => {
                    return Ok(CaseModel {
                        la: info.la,
                        tables,
                    })
                }
                // A damaged cache is not fatal: the tables are the record.
                Ok(Err(e)) => tracing::warn!("snapshot {id}: {e}; loading from the tables"),
                Err(e) => tracing::warn!("snapshot {id}: cache decode stopped: {e}"),
            }
        }
        let model = self.load_from_tables(id, info).await?;
        let mut tx = self
            .pool
            .begin()
            .await
            .map_err(db("caching the snapshot"))?;
        sqlx::query("DELETE FROM snapshot_cache WHERE snapshot_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db("caching the snapshot"))?;
        write_cache(&mut tx, id, &model.tables).await?;
        tx.commit().await.map_err(db("caching the snapshot"))?;
        Ok(model)
    }

    /// Loads a snapshot from its tables, ignoring any cache.
    pub async fn load_from_tables(&self, id: SnapshotId, info: SnapshotInfo) -> Result<CaseModel> {
        let mut csv_of: HashMap<&'static str, Vec<u8>> = HashMap::new();
        for spec in table_specs() {
            let text = self.table_csv(id, &spec).await?;
            csv_of.insert(spec.table, text);
        }
        struct FromCsv(HashMap<&'static str, Vec<u8>>);
        impl TableSource for FromCsv {
            type Error = formats::ReadError;
            fn table<T: Table>(&mut self) -> std::result::Result<Vec<T>, Self::Error> {
                let bytes = self.0.remove(T::NAME).unwrap_or_default();
                formats::ssd::read_table(T::NAME, &bytes)
            }
        }
        let tables = Tables::assemble(&mut FromCsv(csv_of))?;
        Ok(CaseModel {
            la: info.la,
            tables,
        })
    }

    /// One table of a snapshot as SSD CSV text (NULL = empty cell).
    async fn table_csv(&self, id: SnapshotId, spec: &TableSpec) -> Result<Vec<u8>> {
        if self.sqlite {
            return self.table_csv_sqlite(id, spec).await;
        }
        self.table_csv_rows(id, spec).await
    }

    /// SQLite builds the whole table's CSV text itself, in one value: sqlx hands each row from
    /// SQLite's worker thread to the caller separately, and that hand-off, not SQLite, was most
    /// of the time of a load (about 80,000 rows a second). Every field is quoted; decimals are
    /// written with 17 significant digits, which parse back to the same `f64`.
    async fn table_csv_sqlite(&self, id: SnapshotId, spec: &TableSpec) -> Result<Vec<u8>> {
        let names: Vec<&str> = spec.columns.iter().map(|c| c.0).collect();
        let fields: Vec<String> = spec
            .columns
            .iter()
            .map(|(name, kind)| match kind {
                ColumnKind::Integer => format!("coalesce(CAST({name} AS TEXT), '')"),
                // printf turns NULL into 0.0, so NULL is tested first.
                ColumnKind::Decimal => {
                    format!("CASE WHEN {name} IS NULL THEN '' ELSE printf('%!.17g', {name}) END")
                }
                ColumnKind::Text | ColumnKind::Date => {
                    format!("coalesce('\"' || replace({name}, '\"', '\"\"') || '\"', '')")
                }
            })
            .collect();
        let sql = format!(
            "SELECT group_concat({}, char(10) ORDER BY {ROW_NO}) FROM {} WHERE snapshot_id = ?",
            fields.join(" || ',' || "),
            spec.table
        );
        let body: Option<String> = sqlx::query_scalar(&sql)
            .bind(id)
            .fetch_one(&self.pool)
            .await
            .map_err(db(format!("reading {}", spec.table)))?;
        let mut out = names.join(",").into_bytes();
        out.push(b'\n');
        if let Some(body) = body {
            out.extend_from_slice(body.as_bytes());
            out.push(b'\n');
        }
        Ok(out)
    }

    /// One table of a snapshot as SSD CSV text, streamed row by row (PostgreSQL).
    async fn table_csv_rows(&self, id: SnapshotId, spec: &TableSpec) -> Result<Vec<u8>> {
        let names: Vec<&str> = spec.columns.iter().map(|c| c.0).collect();
        let sql = format!(
            "SELECT {} FROM {} WHERE snapshot_id = $1 ORDER BY {ROW_NO}",
            names.join(", "),
            spec.table
        );
        let reading = || db(format!("reading {}", spec.table));
        let encode = |e: csv::Error| StoreError::Encode {
            table: spec.table,
            column: "-".into(),
            why: e.to_string(),
        };
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&names).map_err(encode)?;
        let mut rows = sqlx::query(&sql).bind(id).fetch(&self.pool);
        while let Some(row) = rows.try_next().await.map_err(reading())? {
            for (i, (_, kind)) in spec.columns.iter().enumerate() {
                match kind {
                    ColumnKind::Integer => {
                        let v: Option<i64> = row.try_get(i).map_err(reading())?;
                        w.write_field(v.map(|n| n.to_string()).unwrap_or_default())
                    }
                    ColumnKind::Decimal => {
                        let v: Option<f64> = row.try_get(i).map_err(reading())?;
                        // Display gives the shortest text that parses back to the same f64.
                        w.write_field(v.map(|n| n.to_string()).unwrap_or_default())
                    }
                    ColumnKind::Text | ColumnKind::Date => {
                        let v: Option<&str> = row.try_get(i).map_err(reading())?;
                        w.write_field(v.unwrap_or_default())
                    }
                }
                .map_err(encode)?;
            }
            w.write_record(None::<&[u8]>).map_err(encode)?;
        }
        w.into_inner().map_err(|e| StoreError::Encode {
            table: spec.table,
            column: "-".into(),
            why: e.to_string(),
        })
    }
}

/// Hides the password of a database URL in messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &creds[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The body of an import, inside the caller's transaction. Any error leaves the transaction
/// for the caller to roll back.
async fn write_snapshot(
    tx: &mut Transaction<'static, Any>,
    sqlite: bool,
    tables: &Tables,
    la: &LaInfo,
    files: &[SourceFile],
    meta: &ImportMeta<'_>,
    progress: Progress<'_>,
) -> Result<SnapshotId> {
    let total_rows = row_count(tables);
    // Ids are assigned here rather than by the database (no portable auto-increment); the
    // write lock taken in `begin_write` makes this safe against concurrent imports.
    let id: SnapshotId =
        sqlx::query_scalar("SELECT COALESCE(MAX(snapshot_id), 0) + 1 FROM snapshots")
            .fetch_one(&mut **tx)
            .await
            .map_err(db("allocating a snapshot id"))?;
    let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    sqlx::query(
        "INSERT INTO snapshots (snapshot_id, created_at, kind, source, tool_version, la_code, \
         la_name, child_population, as_at, label, row_count) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(now)
    .bind(meta.kind)
    .bind(meta.source)
    .bind(TOOL_VERSION)
    .bind(la.la_code.as_str())
    .bind(la.la_name.as_str())
    .bind(la.child_population as i64)
    .bind(la.as_at.to_string())
    .bind(meta.label)
    .bind(total_rows as i64)
    .execute(&mut **tx)
    .await
    .map_err(db("recording the snapshot"))?;
    for f in files {
        sqlx::query(
            "INSERT INTO snapshot_files (snapshot_id, file_name, sha256, row_count) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(f.name.as_str())
        .bind(f.sha256.as_str())
        .bind(f.rows as i64)
        .execute(&mut **tx)
        .await
        .map_err(db("recording file provenance"))?;
    }
    for &name in Tables::NAMES {
        let shape = TableShape::of(name);
        insert_table(tx, !sqlite, id, tables, &shape, total_rows, progress).await?;
    }
    write_cache(tx, id, tables).await?;
    Ok(id)
}

async fn write_cache(
    conn: &mut sqlx::AnyConnection,
    id: SnapshotId,
    tables: &Tables,
) -> Result<()> {
    sqlx::query("INSERT INTO snapshot_cache (snapshot_id, fingerprint, model) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(cache::fingerprint())
        .bind(cache::encode(tables))
        .execute(conn)
        .await
        .map_err(db("writing the snapshot cache"))?;
    Ok(())
}

fn row_count(tables: &Tables) -> u64 {
    struct N(u64);
    impl TableVisitor for N {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            self.0 += rows.len() as u64;
        }
    }
    let mut n = N(0);
    tables.visit(&mut n);
    n.0
}

/// Both backends cap bind parameters per statement (SQLite 32766, PostgreSQL 65535).
const MAX_BINDS: usize = 32_000;
/// Rows per INSERT. Beyond a few hundred rows a bigger statement buys little.
const MAX_ROWS_PER_INSERT: usize = 1_000;

/// What the import needs to know about one table.
struct TableShape {
    table: &'static str,
    /// `snapshot_id, <model columns>, row_no`
    column_list: String,
    column_names: Vec<&'static str>,
    kinds: Vec<ColumnKind>,
}

impl TableShape {
    fn of(name: &str) -> TableShape {
        struct V<'a>(&'a str, Option<TableShape>);
        impl TableVisitor for V<'_> {
            fn visit<T: Table>(&mut self, _: &[T]) {
                if T::NAME == self.0 {
                    let names: Vec<&'static str> = T::COLUMNS.iter().map(|c| c.name).collect();
                    self.1 = Some(TableShape {
                        table: T::NAME,
                        column_list: format!("snapshot_id, {}, {ROW_NO}", names.join(", ")),
                        column_names: names,
                        kinds: T::COLUMNS.iter().map(|c| c.kind).collect(),
                    });
                }
            }
        }
        let mut v = V(name, None);
        Tables::default().visit(&mut v);
        v.1.expect("a name from Tables::NAMES")
    }

    /// Binds per row: the model's columns plus `snapshot_id` and `row_no`.
    fn width(&self) -> usize {
        self.kinds.len() + 2
    }
}

/// Rows of table `name` in `range`, serialised with the SSD CSV writer (header included), so
/// the store holds exactly the canonical text the extract format defines: ISO dates, wire
/// codes, JSON columns, empty cell = NULL. Also returns the table's row count.
fn encode_rows(
    tables: &Tables,
    name: &str,
    range: std::ops::Range<usize>,
) -> Result<(Vec<u8>, usize)> {
    struct E<'a> {
        name: &'a str,
        range: std::ops::Range<usize>,
        out: Result<(Vec<u8>, usize)>,
    }
    impl TableVisitor for E<'_> {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            if T::NAME != self.name {
                return;
            }
            let part = &rows[self.range.start.min(rows.len())..self.range.end.min(rows.len())];
            let mut csv = Vec::with_capacity(part.len() * 128 + 512);
            self.out = formats::ssd::write_table(part, &mut csv)
                .map(|()| (csv, rows.len()))
                .map_err(|e| StoreError::Encode {
                    table: T::NAME,
                    column: "-".into(),
                    why: e.to_string(),
                });
        }
    }
    let mut e = E {
        name,
        range,
        out: Ok((vec![], 0)),
    };
    tables.visit(&mut e);
    e.out
}

/// `INSERT INTO t (snapshot_id, …, row_no) VALUES (…), (…)` for `rows` rows.
///
/// Placeholders are written by hand, in the style each backend binds fastest. PostgreSQL
/// needs `$N` (`QueryBuilder<Any>` would emit `?`, which it rejects). SQLite accepts `$N` too,
/// but treats them as named parameters, and looking a name up is a linear scan, so binding
/// a statement of n parameters costs O(n²): 650 ms per 1,000-row INSERT instead of ~5 ms.
/// Its anonymous `?` binds in O(1).
fn insert_sql(shape: &TableShape, rows: usize, numbered: bool) -> String {
    let width = shape.width();
    let mut sql = String::with_capacity(64 + shape.column_list.len() + rows * width * 7);
    let _ = write!(
        sql,
        "INSERT INTO {} ({}) VALUES ",
        shape.table, shape.column_list
    );
    let mut n = 0;
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ",(" });
        for c in 0..width {
            if c > 0 {
                sql.push(',');
            }
            if numbered {
                n += 1;
                let _ = write!(sql, "${n}");
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

type Insert<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

/// Writes one table with multi-row INSERTs, binding each cell by its column kind.
///
/// Each INSERT is prepared (serialised, parsed, bound) while the database executes the one
/// before: SQLite runs on sqlx's worker thread and PostgreSQL in its server, so with a spare
/// core the CPU work here is largely hidden.
async fn insert_table(
    conn: &mut AnyConnection,
    numbered: bool,
    id: SnapshotId,
    tables: &Tables,
    shape: &TableShape,
    total_rows: u64,
    progress: Progress<'_>,
) -> Result<()> {
    let chunk = (MAX_BINDS / shape.width()).clamp(1, MAX_ROWS_PER_INSERT);
    let (first_csv, rows) = encode_rows(tables, shape.table, 0..chunk)?;
    if rows == 0 {
        return Ok(());
    }
    // Every full chunk reuses one SQL text, so each backend prepares it once per table.
    let full_sql = insert_sql(shape, chunk, numbered);
    let tail_sql = insert_sql(shape, rows % chunk, numbered);
    let prepare = |start: usize, csv: Option<Vec<u8>>| -> Result<Option<(Insert<'_>, usize)>> {
        if start >= rows {
            return Ok(None);
        }
        let end = (start + chunk).min(rows);
        let csv = match csv {
            Some(c) => c,
            None => encode_rows(tables, shape.table, start..end)?.0,
        };
        let sql = if end - start == chunk {
            &full_sql
        } else {
            &tail_sql
        };
        let q = bind_rows(sqlx::query(sql), shape, id, start, &csv)?;
        Ok(Some((q, end - start)))
    };
    let mut pending = prepare(0, Some(first_csv))?;
    let mut done = 0;
    while let Some((q, n)) = pending {
        // `join!` polls the INSERT first, which hands it to the database, then prepares the
        // next one meanwhile.
        let (written, next) =
            tokio::join!(q.execute(&mut *conn), async { prepare(done + n, None) });
        written.map_err(db(format!("writing {}", shape.table)))?;
        progress(shape.table, n as u64, total_rows);
        done += n;
        pending = next?;
    }
    Ok(())
}

/// Binds every row of `csv` (text from [`encode_rows`]) to `q`, numbering rows from `row_no`.
fn bind_rows<'q>(
    mut q: Insert<'q>,
    shape: &TableShape,
    id: SnapshotId,
    row_no: usize,
    csv: &[u8],
) -> Result<Insert<'q>> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(true).from_reader(csv);
    let mut record = csv::StringRecord::new();
    let mut row_no = row_no as i64;
    let parse_error = |e: csv::Error| StoreError::Encode {
        table: shape.table,
        column: "-".into(),
        why: e.to_string(),
    };
    while rdr.read_record(&mut record).map_err(parse_error)? {
        q = q.bind(id);
        for (c, (value, kind)) in record.iter().zip(&shape.kinds).enumerate() {
            let value = (!value.is_empty()).then_some(value);
            q = match kind {
                ColumnKind::Integer => q.bind(parse_cell::<i64>(shape, c, value)?),
                ColumnKind::Decimal => q.bind(parse_cell::<f64>(shape, c, value)?),
                // Owned: the driver would copy a borrowed string before sending it anyway.
                ColumnKind::Text | ColumnKind::Date => q.bind(value.map(str::to_owned)),
            };
        }
        q = q.bind(row_no);
        row_no += 1;
    }
    Ok(q)
}

/// Cells come from the typed model, so numbers always parse; if one ever does not, say where
/// (not what) rather than store a silent NULL.
fn parse_cell<N: std::str::FromStr>(
    shape: &TableShape,
    c: usize,
    v: Option<&str>,
) -> Result<Option<N>>
where
    N::Err: fmt::Display,
{
    v.map(|v| v.parse::<N>())
        .transpose()
        .map_err(|e| StoreError::Encode {
            table: shape.table,
            column: shape.column_names[c].to_string(),
            why: e.to_string(),
        })
}

struct TableSpec {
    table: &'static str,
    columns: Vec<(&'static str, ColumnKind)>,
}

fn table_specs() -> Vec<TableSpec> {
    struct S(Vec<TableSpec>);
    impl TableVisitor for S {
        fn visit<T: Table>(&mut self, _: &[T]) {
            self.0.push(TableSpec {
                table: T::NAME,
                columns: T::COLUMNS.iter().map(|c| (c.name, c.kind)).collect(),
            });
        }
    }
    let mut s = S(vec![]);
    Tables::default().visit(&mut s);
    s.0
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            super::redact("postgres://me:secret@db.example/x"),
            "postgres://me:***@db.example/x"
        );
        assert_eq!(super::redact("sqlite://a.db"), "sqlite://a.db");
    }
}
