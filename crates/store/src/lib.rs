//! Sightline's store: snapshots of the case model in SQLite (the default, a single WAL-mode
//! file) or PostgreSQL, through one sqlx `Any` code path.
//!
//! An import is a snapshot: every table of an extract is written inside one transaction,
//! together with its provenance (time, source, each file's name, SHA-256 and row count, the tool
//! version). Nothing is visible until the commit, and any failure — a bad file, a database
//! error, a killed process — leaves the store exactly as it was.

pub mod schema;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use formats::ssd::{Extract, SourceFile};
use model::{CaseModel, ColumnKind, LaInfo, Table, TableSource, TableVisitor, Tables};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor, Row};

/// Version recorded with every snapshot.
pub const TOOL_VERSION: &str = concat!("sightline ", env!("CARGO_PKG_VERSION"));

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Why a store operation failed. Messages name tables and files, never row contents.
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
    #[error("{0}")]
    Invalid(String),
    #[error("no snapshot {0} in the store")]
    NoSnapshot(i64),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

fn db(doing: impl Into<String>) -> impl FnOnce(sqlx::Error) -> StoreError {
    let doing = doing.into();
    move |source| StoreError::Db { doing, source }
}

/// A snapshot's provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotInfo {
    pub id: i64,
    pub created_at: String,
    pub kind: String,
    pub source: String,
    pub tool_version: String,
    pub la: LaInfo,
    pub label: Option<String>,
    pub row_count: i64,
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

/// What an import is called and where it came from.
#[derive(Debug, Clone, Default)]
pub struct ImportMeta<'a> {
    /// `ssd`, `cin`, `903`, …
    pub kind: &'a str,
    pub source: &'a str,
    pub label: Option<&'a str>,
}

/// Progress callback: `(table, rows just written, rows in the whole import)`.
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
        std::env::var("SIGHTLINE_DATABASE_URL").unwrap_or_else(|_| "sqlite://sightline.db".into())
    }

    /// Opens (creating if needed) a SQLite file or connects to PostgreSQL, and migrates it.
    pub async fn open(url: &str) -> Result<Store> {
        sqlx::any::install_default_drivers();
        let sqlite = url.starts_with("sqlite:");
        let url_full = if sqlite && !url.contains("mode=") {
            format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
        } else {
            url.to_string()
        };
        let mut options = AnyPoolOptions::new().max_connections(if sqlite { 4 } else { 8 });
        if sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;",
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

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Reads an SSD extract directory and imports it as a snapshot. The whole extract is read
    /// and checked before the database is touched.
    pub async fn import_ssd_dir(
        &self,
        dir: &Path,
        label: Option<&str>,
        progress: Progress<'_>,
    ) -> Result<i64> {
        let extract = formats::ssd::read_dir(dir)?;
        let la = extract.la.clone().ok_or_else(|| {
            StoreError::Invalid(format!(
                "{}: la.json is missing; it gives the LA code, name, child population and extract date",
                dir.display()
            ))
        })?;
        let source = dir.display().to_string();
        self.import_extract(
            &extract,
            &la,
            ImportMeta {
                kind: "ssd",
                source: &source,
                label,
            },
            progress,
        )
        .await
    }

    /// Imports an extract that has been read and checked.
    pub async fn import_extract(
        &self,
        extract: &Extract,
        la: &LaInfo,
        meta: ImportMeta<'_>,
        progress: Progress<'_>,
    ) -> Result<i64> {
        self.import(&extract.tables, la, &extract.files, meta, progress)
            .await
    }

    /// Writes a model as a new snapshot in one transaction and returns its id.
    pub async fn import(
        &self,
        tables: &Tables,
        la: &LaInfo,
        files: &[SourceFile],
        meta: ImportMeta<'_>,
        progress: Progress<'_>,
    ) -> Result<i64> {
        let batches = encode_tables(tables)?;
        let total_rows: i64 = batches.iter().map(|b| b.rows as i64).sum();
        let mut tx = self.pool.begin().await.map_err(db("starting the import"))?;
        let id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(snapshot_id), 0) + 1 FROM snapshots")
            .fetch_one(&mut *tx)
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
        .bind(meta.kind.to_string())
        .bind(meta.source.to_string())
        .bind(TOOL_VERSION.to_string())
        .bind(la.la_code.clone())
        .bind(la.la_name.clone())
        .bind(la.child_population as i64)
        .bind(la.as_at.to_string())
        .bind(meta.label.map(str::to_string))
        .bind(total_rows)
        .execute(&mut *tx)
        .await
        .map_err(db("recording the snapshot"))?;
        for f in files {
            sqlx::query(
                "INSERT INTO snapshot_files (snapshot_id, file_name, sha256, row_count) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(f.name.clone())
            .bind(f.sha256.clone())
            .bind(f.rows as i64)
            .execute(&mut *tx)
            .await
            .map_err(db("recording file provenance"))?;
        }
        // Both backends cap bind parameters (SQLite 32766, PostgreSQL 65535).
        const MAX_BINDS: usize = 30_000;
        for batch in &batches {
            let per_row = batch.kinds.len() + 2;
            let chunk = (MAX_BINDS / per_row).clamp(1, 2_000);
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_reader(&batch.csv[..]);
            let mut records = rdr.records();
            let mut row_no = 0i64;
            loop {
                let rows: Vec<csv::StringRecord> = records
                    .by_ref()
                    .take(chunk)
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|e| StoreError::Invalid(format!("encoding {}: {e}", batch.table)))?;
                if rows.is_empty() {
                    break;
                }
                // `$N` placeholders work on both backends (QueryBuilder<Any> emits `?`, which
                // PostgreSQL rejects).
                let width = batch.kinds.len() + 2;
                let mut sql = format!(
                    "INSERT INTO {} ({}) VALUES ",
                    batch.table, batch.column_list
                );
                for r in 0..rows.len() {
                    sql.push_str(if r == 0 { "(" } else { ", (" });
                    for c in 0..width {
                        if c > 0 {
                            sql.push_str(", ");
                        }
                        sql.push_str(&format!("${}", r * width + c + 1));
                    }
                    sql.push(')');
                }
                let mut q = sqlx::query(&sql);
                for row in &rows {
                    q = q.bind(id).bind(row_no);
                    row_no += 1;
                    for (value, kind) in row.iter().zip(&batch.kinds) {
                        let value = (!value.is_empty()).then_some(value);
                        // Cells came from the typed model, so numbers always parse.
                        q = match kind {
                            ColumnKind::Integer => {
                                q.bind(value.and_then(|v| v.parse::<i64>().ok()))
                            }
                            ColumnKind::Decimal => {
                                q.bind(value.and_then(|v| v.parse::<f64>().ok()))
                            }
                            _ => q.bind(value.map(str::to_string)),
                        };
                    }
                }
                q.execute(&mut *tx)
                    .await
                    .map_err(db(format!("writing {}", batch.table)))?;
                progress(batch.table, rows.len() as u64, total_rows as u64);
            }
        }
        tx.commit().await.map_err(db("committing the import"))?;
        Ok(id)
    }

    /// The most recent snapshot, if any.
    pub async fn latest_snapshot(&self) -> Result<Option<i64>> {
        sqlx::query_scalar("SELECT MAX(snapshot_id) FROM snapshots")
            .fetch_one(&self.pool)
            .await
            .map_err(db("finding the latest snapshot"))
    }

    /// Every snapshot, oldest first, with its files.
    pub async fn snapshots(&self) -> Result<Vec<SnapshotInfo>> {
        let rows = sqlx::query(
            "SELECT snapshot_id, created_at, kind, source, tool_version, la_code, la_name, \
             child_population, as_at, label, row_count FROM snapshots ORDER BY snapshot_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db("listing snapshots"))?;
        let files = sqlx::query(
            "SELECT snapshot_id, file_name, sha256, row_count FROM snapshot_files ORDER BY snapshot_id, file_name",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db("listing snapshot files"))?;
        let mut by_snapshot: HashMap<i64, Vec<SourceFile>> = HashMap::new();
        for f in files {
            by_snapshot.entry(f.get(0)).or_default().push(SourceFile {
                name: f.get(1),
                sha256: f.get(2),
                rows: f.get::<i64, _>(3) as u64,
            });
        }
        rows.into_iter()
            .map(|r| {
                let id: i64 = r.get(0);
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
                        as_at: as_at
                            .parse()
                            .map_err(|e| StoreError::Invalid(format!("snapshot {id}: {e}")))?,
                    },
                    label: r.get(9),
                    row_count: r.get(10),
                    files: by_snapshot.remove(&id).unwrap_or_default(),
                })
            })
            .collect()
    }

    pub async fn snapshot(&self, id: i64) -> Result<SnapshotInfo> {
        self.snapshots()
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or(StoreError::NoSnapshot(id))
    }

    /// Loads a snapshot back into the case model, rows in the order they were imported.
    pub async fn load(&self, id: i64) -> Result<CaseModel> {
        let info = self.snapshot(id).await?;
        let mut csv_of: HashMap<&'static str, Vec<u8>> = HashMap::new();
        for spec in table_specs() {
            let sql = format!(
                "SELECT {} FROM {} WHERE snapshot_id = $1 ORDER BY row_no",
                spec.columns
                    .iter()
                    .map(|c| c.0)
                    .collect::<Vec<_>>()
                    .join(", "),
                spec.table
            );
            let rows = sqlx::query(&sql)
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(db(format!("reading {}", spec.table)))?;
            csv_of.insert(spec.table, rows_to_csv(&spec, &rows)?);
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

/// A table in its canonical CSV text (empty cell = NULL), ready to bind chunk by chunk.
struct Batch {
    table: &'static str,
    column_list: String,
    kinds: Vec<ColumnKind>,
    rows: usize,
    csv: Vec<u8>,
}

/// Serialises every table through the SSD CSV writer, so the store holds exactly the
/// canonical text the extract format defines (ISO dates, wire codes, JSON columns).
fn encode_tables(tables: &Tables) -> Result<Vec<Batch>> {
    struct E(Vec<Batch>, Option<String>);
    impl TableVisitor for E {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            let mut buf = Vec::with_capacity(rows.len() * 96);
            if let Err(e) = formats::ssd::write_table(rows, &mut buf) {
                self.1 = Some(format!("encoding {}: {e}", T::NAME));
                return;
            }
            let names: Vec<&str> = T::COLUMNS.iter().map(|c| c.name).collect();
            self.0.push(Batch {
                table: T::NAME,
                column_list: format!("snapshot_id, row_no, {}", names.join(", ")),
                kinds: T::COLUMNS.iter().map(|c| c.kind).collect(),
                rows: rows.len(),
                csv: buf,
            });
        }
    }
    let mut e = E(vec![], None);
    tables.visit(&mut e);
    match e.1 {
        Some(msg) => Err(StoreError::Invalid(msg)),
        None => Ok(e.0),
    }
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

fn rows_to_csv(spec: &TableSpec, rows: &[AnyRow]) -> Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::with_capacity(rows.len() * 96 + 256));
    let encode = |e: csv::Error| StoreError::Invalid(format!("reading {}: {e}", spec.table));
    w.write_record(spec.columns.iter().map(|c| c.0))
        .map_err(encode)?;
    let mut cells: Vec<String> = Vec::with_capacity(spec.columns.len());
    for row in rows {
        cells.clear();
        for (i, (_, kind)) in spec.columns.iter().enumerate() {
            let cell = match kind {
                ColumnKind::Integer => row
                    .try_get::<Option<i64>, _>(i)
                    .map(|v| v.map(|n| n.to_string())),
                ColumnKind::Decimal => row
                    .try_get::<Option<f64>, _>(i)
                    .map(|v| v.map(|n| n.to_string())),
                _ => row.try_get::<Option<String>, _>(i),
            }
            .map_err(db(format!("reading {}", spec.table)))?;
            cells.push(cell.unwrap_or_default());
        }
        w.write_record(&cells).map_err(encode)?;
    }
    w.into_inner()
        .map_err(|e| StoreError::Invalid(format!("reading {}: {e}", spec.table)))
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
