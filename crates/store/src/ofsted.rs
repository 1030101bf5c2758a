//! Ofsted: the imported outcome files and reports (the register is parsed again from them),
//! and the improvement plan (findings, actions, evidence, linked indicators).

use ::ofsted::plan::{Action, Evidence, Finding, FindingKind, Plan, Rag, Status};
use ::ofsted::register::{FileSummary, Register};
use chrono::NaiveDate;
use sqlx::{Any, Executor, Row, Transaction};

use crate::{db, Result, Store, StoreError};

/// One stored Ofsted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfstedFile {
    pub name: String,
    pub layout: String,
    pub sha256: String,
    pub rows: i64,
    pub imported_at: String,
}

/// A finding to add.
#[derive(Debug, Clone)]
pub struct NewFinding<'a> {
    pub la_code: &'a str,
    pub kind: FindingKind,
    pub text: &'a str,
    pub tag: Option<&'a str>,
    /// The report it came from, or "typed in".
    pub source: &'a str,
}

/// An action to add.
#[derive(Debug, Clone)]
pub struct NewAction<'a> {
    pub finding_id: i64,
    pub description: &'a str,
    pub owner: &'a str,
    pub due: NaiveDate,
    pub status: Status,
    pub rag_override: Option<Rag>,
    pub indicators: &'a [String],
}

/// Changes to an action; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ActionUpdate<'a> {
    pub description: Option<&'a str>,
    pub owner: Option<&'a str>,
    pub due: Option<NaiveDate>,
    pub status: Option<Status>,
    /// `Some(None)` clears a hand-set RAG.
    pub rag_override: Option<Option<Rag>>,
    /// An evidence note to append: (note, link).
    pub evidence: Option<(&'a str, Option<&'a str>)>,
    /// Replaces the linked indicators.
    pub indicators: Option<&'a [String]>,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn bad(why: String) -> StoreError {
    StoreError::Plan(why)
}

fn check_indicators(ids: &[String]) -> Result<()> {
    for id in ids {
        if !indicators::catalogue().iter().any(|i| i.id == id) {
            return Err(bad(format!(
                "{id:?} is not an indicator id (see `sightline indicators --list`)"
            )));
        }
    }
    Ok(())
}

impl Store {
    async fn begin_locked(&self, table: &str, doing: &str) -> Result<Transaction<'static, Any>> {
        if self.sqlite {
            self.pool
                .begin_with("BEGIN IMMEDIATE")
                .await
                .map_err(db(doing))
        } else {
            let mut tx = self.pool.begin().await.map_err(db(doing))?;
            // Serialises writers (ids are MAX + 1), not readers.
            tx.execute(format!("LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE").as_str())
                .await
                .map_err(db(doing))?;
            Ok(tx)
        }
    }

    /// Adds (or replaces, by name) Ofsted files, all or nothing: the stored files and the new
    /// ones are parsed together first, so a bad file, or one that no longer fits with the
    /// rest, leaves the store as it was. Returns what each new file held and the register.
    pub async fn import_ofsted<N: AsRef<str>, B: AsRef<[u8]>>(
        &self,
        files: &[(N, B)],
    ) -> Result<(Vec<FileSummary>, Register)> {
        use sha2::{Digest, Sha256};
        let doing = "importing Ofsted files";
        let base = |n: &str| n.rsplit(['/', '\\']).next().unwrap_or(n).to_string();
        let new: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, b)| (base(n.as_ref()), b.as_ref().to_vec()))
            .collect();
        let mut all: Vec<(String, Vec<u8>)> = self
            .ofsted_contents()
            .await?
            .into_iter()
            .filter(|(n, _)| !new.iter().any(|(m, _)| m == n))
            .collect();
        all.extend(new.iter().cloned());
        let (register, summaries) = tokio::task::spawn_blocking(move || Register::from_files(&all))
            .await
            .map_err(|e| bad(format!("parsing the Ofsted files failed: {e}")))??;
        let mut rows = Vec::with_capacity(new.len());
        for (name, bytes) in &new {
            let s = summaries
                .iter()
                .find(|s| &s.name == name)
                .ok_or_else(|| bad(format!("{name}: not read")))?;
            rows.push((name, bytes, s));
        }
        let mut tx = self.begin_locked("ofsted_files", doing).await?;
        let at = now();
        for (name, bytes, s) in rows {
            sqlx::query("DELETE FROM ofsted_files WHERE file_name = $1")
                .bind(name.as_str())
                .execute(&mut *tx)
                .await
                .map_err(db(doing))?;
            sqlx::query(
                "INSERT INTO ofsted_files (file_name, layout, sha256, row_count, imported_at, \
                 content) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(name.as_str())
            .bind(format!("{:?}", s.layout))
            .bind(hex::encode(Sha256::digest(bytes)))
            .bind(s.rows as i64)
            .bind(at.as_str())
            .bind(bytes.to_vec())
            .execute(&mut *tx)
            .await
            .map_err(db(format!("storing Ofsted file {name}")))?;
        }
        tx.commit().await.map_err(db(doing))?;
        let summaries = summaries
            .into_iter()
            .filter(|s| new.iter().any(|(n, _)| n == &s.name))
            .collect();
        Ok((summaries, register))
    }

    /// Stores a report read by `ofsted::report::read` so that it joins the register (as
    /// `report-<name>.json`).
    pub async fn add_ofsted_report(
        &self,
        name: &str,
        report: &::ofsted::Report,
    ) -> Result<(Vec<FileSummary>, Register)> {
        let json = serde_json::to_vec_pretty(report)
            .map_err(|e| bad(format!("encoding the report: {e}")))?;
        let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let stem = stem.rsplit_once('.').map(|(a, _)| a).unwrap_or(stem);
        self.import_ofsted(&[(format!("report-{stem}.json"), json)])
            .await
    }

    async fn ofsted_contents(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let doing = || db("reading Ofsted files");
        let rows = sqlx::query("SELECT file_name, content FROM ofsted_files ORDER BY file_name")
            .fetch_all(&self.pool)
            .await
            .map_err(doing())?;
        rows.iter()
            .map(|r| {
                Ok((
                    r.try_get(0).map_err(doing())?,
                    r.try_get(1).map_err(doing())?,
                ))
            })
            .collect()
    }

    /// The stored Ofsted files, by name.
    pub async fn ofsted_files(&self) -> Result<Vec<OfstedFile>> {
        let rows = self
            .stored_files("ofsted_files", "layout", "listing Ofsted files")
            .await?;
        Ok(rows
            .into_iter()
            .map(|(name, layout, sha256, rows, imported_at)| OfstedFile {
                name,
                layout,
                sha256,
                rows,
                imported_at,
            })
            .collect())
    }

    /// The register, parsed again from the stored files (empty when none are stored).
    pub async fn ofsted_register(&self) -> Result<Register> {
        let files = self.ofsted_contents().await?;
        if files.is_empty() {
            return Ok(Register::default());
        }
        let parsed = tokio::task::spawn_blocking(move || Register::from_files(&files))
            .await
            .map_err(|e| bad(format!("parsing the Ofsted files failed: {e}")))??;
        Ok(parsed.0)
    }

    /// Adds findings in one transaction; returns them with their ids.
    pub async fn add_findings(&self, new: &[NewFinding<'_>]) -> Result<Vec<Finding>> {
        let doing = "adding findings";
        for f in new {
            if f.text.trim().is_empty() {
                return Err(bad("a finding needs its text".into()));
            }
            if f.la_code.trim().is_empty() {
                return Err(bad("a finding needs the LA's code".into()));
            }
        }
        let mut tx = self.begin_locked("plan_findings", doing).await?;
        let mut next: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(finding_id), 0) + 1 FROM plan_findings")
                .fetch_one(&mut *tx)
                .await
                .map_err(db(doing))?;
        let at = now();
        let mut out = Vec::new();
        for f in new {
            sqlx::query(
                "INSERT INTO plan_findings (finding_id, la_code, kind, text, tag, source, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(next)
            .bind(f.la_code)
            .bind(f.kind.id())
            .bind(f.text)
            .bind(f.tag)
            .bind(f.source)
            .bind(at.as_str())
            .execute(&mut *tx)
            .await
            .map_err(db(doing))?;
            out.push(Finding {
                id: next,
                la_code: f.la_code.to_string(),
                kind: f.kind,
                text: f.text.to_string(),
                tag: f.tag.map(String::from),
                source: f.source.to_string(),
                created_at: at.clone(),
            });
            next += 1;
        }
        tx.commit().await.map_err(db(doing))?;
        Ok(out)
    }

    /// Adds an action to a finding.
    pub async fn add_action(&self, a: &NewAction<'_>) -> Result<Action> {
        let doing = "adding an action";
        check_indicators(a.indicators)?;
        if a.description.trim().is_empty() || a.owner.trim().is_empty() {
            return Err(bad("an action needs a description and an owner".into()));
        }
        // Checked before the transaction: findings are never deleted, and a refused request
        // must not leave a dropped transaction holding the table lock on PostgreSQL.
        let exists: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM plan_findings WHERE finding_id = $1")
                .bind(a.finding_id)
                .fetch_one(&self.pool)
                .await
                .map_err(db(doing))?;
        if exists == 0 {
            return Err(bad(format!("no finding {} in the plan", a.finding_id)));
        }
        let mut tx = self.begin_locked("plan_actions", doing).await?;
        let id: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(action_id), 0) + 1 FROM plan_actions")
                .fetch_one(&mut *tx)
                .await
                .map_err(db(doing))?;
        sqlx::query(
            "INSERT INTO plan_actions (action_id, finding_id, description, owner, due_date, \
             status, rag_override, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id)
        .bind(a.finding_id)
        .bind(a.description)
        .bind(a.owner)
        .bind(a.due.to_string())
        .bind(a.status.id())
        .bind(a.rag_override.map(|r| r.id()))
        .bind(now())
        .execute(&mut *tx)
        .await
        .map_err(db(doing))?;
        set_indicators(&mut tx, id, a.indicators).await?;
        tx.commit().await.map_err(db(doing))?;
        Ok(Action {
            id,
            finding_id: a.finding_id,
            description: a.description.to_string(),
            owner: a.owner.to_string(),
            due: a.due,
            status: a.status,
            rag_override: a.rag_override,
            evidence: vec![],
            indicators: a.indicators.to_vec(),
        })
    }

    /// Changes an action, in one transaction.
    pub async fn update_action(&self, id: i64, u: &ActionUpdate<'_>) -> Result<()> {
        let doing = "updating an action";
        if let Some(ids) = u.indicators {
            check_indicators(ids)?;
        }
        // Actions are never deleted: checked before the transaction (see add_action).
        let exists: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM plan_actions WHERE action_id = $1")
                .bind(id)
                .fetch_one(&self.pool)
                .await
                .map_err(db(doing))?;
        if exists == 0 {
            return Err(bad(format!("no action {id} in the plan")));
        }
        let mut tx = self.begin_locked("plan_actions", doing).await?;
        let set = |col: &str| format!("UPDATE plan_actions SET {col} = $1 WHERE action_id = $2");
        let mut updates: Vec<(String, Option<String>)> = Vec::new();
        if let Some(v) = u.description {
            updates.push((set("description"), Some(v.to_string())));
        }
        if let Some(v) = u.owner {
            updates.push((set("owner"), Some(v.to_string())));
        }
        if let Some(v) = u.due {
            updates.push((set("due_date"), Some(v.to_string())));
        }
        if let Some(v) = u.status {
            updates.push((set("status"), Some(v.id().to_string())));
        }
        if let Some(v) = u.rag_override {
            updates.push((set("rag_override"), v.map(|r| r.id().to_string())));
        }
        updates.push((set("updated_at"), Some(now())));
        for (sql, v) in updates {
            sqlx::query(&sql)
                .bind(v)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db(doing))?;
        }
        if let Some((note, link)) = u.evidence {
            let seq: i64 = sqlx::query_scalar(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM plan_action_evidence WHERE action_id = $1",
            )
            .bind(id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db(doing))?;
            sqlx::query(
                "INSERT INTO plan_action_evidence (action_id, seq, at, note, link) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(seq)
            .bind(now())
            .bind(note)
            .bind(link)
            .execute(&mut *tx)
            .await
            .map_err(db(doing))?;
        }
        if let Some(ids) = u.indicators {
            sqlx::query("DELETE FROM plan_action_indicators WHERE action_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db(doing))?;
            set_indicators(&mut tx, id, ids).await?;
        }
        tx.commit().await.map_err(db(doing))?;
        Ok(())
    }

    /// The plan of one LA (every LA when `la_code` is `None`), findings and actions by id.
    pub async fn plan(&self, la_code: Option<&str>) -> Result<Plan> {
        let doing = || db("reading the improvement plan");
        let rows = sqlx::query(
            "SELECT finding_id, la_code, kind, text, tag, source, created_at FROM plan_findings \
             ORDER BY finding_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(doing())?;
        let mut plan = Plan::default();
        for r in &rows {
            let la: String = r.try_get(1).map_err(doing())?;
            if la_code.is_some_and(|c| c != la) {
                continue;
            }
            let kind: String = r.try_get(2).map_err(doing())?;
            plan.findings.push(Finding {
                id: r.try_get(0).map_err(doing())?,
                la_code: la,
                kind: FindingKind::parse(&kind)
                    .ok_or_else(|| bad(format!("stored finding kind {kind:?} is unknown")))?,
                text: r.try_get(3).map_err(doing())?,
                tag: r.try_get(4).map_err(doing())?,
                source: r.try_get(5).map_err(doing())?,
                created_at: r.try_get(6).map_err(doing())?,
            });
        }
        let rows = sqlx::query(
            "SELECT action_id, finding_id, description, owner, due_date, status, rag_override \
             FROM plan_actions ORDER BY action_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(doing())?;
        for r in &rows {
            let finding_id: i64 = r.try_get(1).map_err(doing())?;
            if !plan.findings.iter().any(|f| f.id == finding_id) {
                continue;
            }
            let due: String = r.try_get(4).map_err(doing())?;
            let status: String = r.try_get(5).map_err(doing())?;
            let rag: Option<String> = r.try_get(6).map_err(doing())?;
            plan.actions.push(Action {
                id: r.try_get(0).map_err(doing())?,
                finding_id,
                description: r.try_get(2).map_err(doing())?,
                owner: r.try_get(3).map_err(doing())?,
                due: due
                    .parse()
                    .map_err(|_| bad(format!("stored due date {due:?} is not a date")))?,
                status: Status::parse(&status)
                    .ok_or_else(|| bad(format!("stored status {status:?} is unknown")))?,
                rag_override: match rag {
                    None => None,
                    Some(r) => Some(
                        Rag::parse(&r)
                            .ok_or_else(|| bad(format!("stored RAG {r:?} is unknown")))?,
                    ),
                },
                evidence: vec![],
                indicators: vec![],
            });
        }
        let ev = sqlx::query(
            "SELECT action_id, at, note, link FROM plan_action_evidence ORDER BY action_id, seq",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(doing())?;
        for r in &ev {
            let id: i64 = r.try_get(0).map_err(doing())?;
            if let Some(a) = plan.actions.iter_mut().find(|a| a.id == id) {
                a.evidence.push(Evidence {
                    at: r.try_get(1).map_err(doing())?,
                    note: r.try_get(2).map_err(doing())?,
                    link: r.try_get(3).map_err(doing())?,
                });
            }
        }
        let ind = sqlx::query(
            "SELECT action_id, indicator_id FROM plan_action_indicators \
             ORDER BY action_id, indicator_id",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(doing())?;
        for r in &ind {
            let id: i64 = r.try_get(0).map_err(doing())?;
            if let Some(a) = plan.actions.iter_mut().find(|a| a.id == id) {
                a.indicators.push(r.try_get(1).map_err(doing())?);
            }
        }
        Ok(plan)
    }
}

async fn set_indicators(tx: &mut Transaction<'static, Any>, id: i64, ids: &[String]) -> Result<()> {
    let mut seen = std::collections::BTreeSet::new();
    for ind in ids.iter().filter(|i| seen.insert(i.as_str())) {
        sqlx::query("INSERT INTO plan_action_indicators (action_id, indicator_id) VALUES ($1, $2)")
            .bind(id)
            .bind(ind.as_str())
            .execute(&mut **tx)
            .await
            .map_err(db("linking indicators"))?;
    }
    Ok(())
}
