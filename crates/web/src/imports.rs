//! Imports uploaded through the browser (administrators only). The upload is read and checked
//! in the background with the same code as `sightline import` ([`formats::intake`]), then
//! written by the store as one snapshot, all or nothing: a failed import leaves the data
//! exactly as it was. Each import has a page that shows its progress; a small script served
//! from `/assets` updates it, and without JavaScript its refresh link does.

// A refusal is a whole page: returning it as the error of a Result is the point.
#![allow(clippy::result_large_err)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use formats::intake::{self, Intake, IntakeError, NamedFile};
use model::{CollectionYear, Date};
use serde::Serialize;

use crate::auth::{Imports, Need};
use crate::pages::{message, render, Layout};
use crate::Shared;

/// What an upload holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Standard Safeguarding Dataset extract: a zip of its folder, or its files.
    Ssd,
    Cin,
    Ssda903,
    AnnexA,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Ssd, Kind::Cin, Kind::Ssda903, Kind::AnnexA];

    /// The form's value, and the snapshot's kind in the store (as `sightline import` records it).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Ssd => "ssd",
            Kind::Cin => "cin",
            Kind::Ssda903 => "903",
            Kind::AnnexA => "annex-a",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Ssd => "Standard Safeguarding Dataset extract (a zip of the folder, or its CSV files and la.json)",
            Kind::Cin => "CIN census (one XML file)",
            Kind::Ssda903 => "SSDA903 return (its CSV files, or one XML file)",
            Kind::AnnexA => "Ofsted Annex A (one xlsx workbook, or one CSV file per list)",
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// Where an import has got to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Writing {
        table: String,
    },
    Done {
        snapshot: i64,
        accepted_problems: usize,
    },
    Failed(String),
}

/// One upload being imported, or imported.
pub struct Job {
    pub id: u64,
    pub by: String,
    pub kind: Kind,
    pub files: Vec<String>,
    pub started: String,
    stage: Mutex<Stage>,
    rows_written: AtomicU64,
    rows_total: AtomicU64,
}

impl Job {
    pub fn stage(&self) -> Stage {
        self.stage
            .lock()
            .map(|s| s.clone())
            .unwrap_or(Stage::Reading)
    }
    fn set(&self, stage: Stage) {
        if let Ok(mut s) = self.stage.lock() {
            *s = stage;
        }
    }
    /// One line: where the import has got to, or how it ended.
    pub fn outcome(&self) -> String {
        self.status().message
    }

    fn status(&self) -> Status {
        let (done, total) = (
            self.rows_written.load(Ordering::Relaxed),
            self.rows_total.load(Ordering::Relaxed),
        );
        let stage = self.stage();
        let message = match &stage {
            Stage::Reading => "Reading and checking the files".to_string(),
            Stage::Writing { table } if total > 0 => {
                format!("Writing {table}: {done} of {total} rows")
            }
            Stage::Writing { .. } => "Writing the snapshot".to_string(),
            Stage::Done {
                snapshot,
                accepted_problems: 0,
            } => format!("Imported as snapshot {snapshot}"),
            Stage::Done {
                snapshot,
                accepted_problems,
            } => format!(
                "Imported as snapshot {snapshot}, with {accepted_problems} problems accepted"
            ),
            Stage::Failed(e) => format!("Nothing was imported: {e}"),
        };
        Status {
            state: match stage {
                Stage::Reading => "reading",
                Stage::Writing { .. } => "writing",
                Stage::Done { .. } => "done",
                Stage::Failed(_) => "failed",
            },
            finished: matches!(stage, Stage::Done { .. } | Stage::Failed(_)),
            snapshot: match stage {
                Stage::Done { snapshot, .. } => Some(snapshot),
                _ => None,
            },
            done,
            total,
            message,
        }
    }
}

/// The imports started since the server started, newest last.
#[derive(Default)]
pub struct Jobs {
    next: AtomicU64,
    jobs: Mutex<Vec<Arc<Job>>>,
}

impl Jobs {
    fn add(&self, by: &str, kind: Kind, files: Vec<String>) -> Arc<Job> {
        let job = Arc::new(Job {
            id: self.next.fetch_add(1, Ordering::Relaxed) + 1,
            by: by.to_string(),
            kind,
            files,
            started: chrono::Utc::now()
                .format("%Y-%m-%d %H:%M:%S UTC")
                .to_string(),
            stage: Mutex::new(Stage::Reading),
            rows_written: AtomicU64::new(0),
            rows_total: AtomicU64::new(0),
        });
        if let Ok(mut v) = self.jobs.lock() {
            v.push(job.clone());
        }
        job
    }

    pub fn get(&self, id: u64) -> Option<Arc<Job>> {
        self.jobs
            .lock()
            .ok()
            .and_then(|v| v.iter().find(|j| j.id == id).cloned())
    }

    pub fn recent(&self, n: usize) -> Vec<Arc<Job>> {
        self.jobs
            .lock()
            .map(|v| v.iter().rev().take(n).cloned().collect())
            .unwrap_or_default()
    }
}

/// An import's progress, for the page's script.
#[derive(Debug, Serialize)]
struct Status {
    state: &'static str,
    finished: bool,
    snapshot: Option<i64>,
    done: u64,
    total: u64,
    message: String,
}

/// The upload form's fields, as sent.
#[derive(Default)]
struct Upload {
    kind: String,
    files: Vec<NamedFile>,
    previous: Vec<NamedFile>,
    year: String,
    la_code: String,
    la_name: String,
    population: String,
    as_at: String,
    accept_problems: bool,
    label: String,
}

/// What to read, checked before the import starts.
struct Request {
    kind: Kind,
    files: Vec<NamedFile>,
    previous: Vec<NamedFile>,
    year: Option<CollectionYear>,
    annex: Option<intake::AnnexAOptions>,
    la_code: String,
    label: Option<String>,
}

impl Upload {
    /// The request, or what is wrong with the form (shown on the Data page).
    fn check(self) -> Result<Request, String> {
        let kind = Kind::parse(&self.kind).ok_or("Choose what the files are")?;
        if self.files.is_empty() {
            return Err("Choose the files to import".into());
        }
        let year =
            match self.year.trim() {
                "" if kind == Kind::Ssda903 => {
                    return Err("Enter the 903 return's collection year, like 2025-26".into())
                }
                "" => None,
                y => Some(y.parse::<CollectionYear>().map_err(|_| {
                    format!("The collection year must look like 2025-26 (got `{y}`)")
                })?),
            };
        let la_code = self.la_code.trim().to_string();
        let needs_la = matches!(kind, Kind::Ssda903 | Kind::AnnexA);
        if needs_la && (la_code.len() != 3 || !la_code.bytes().all(|b| b.is_ascii_digit())) {
            return Err(format!(
                "Enter the three-digit DfE LA number, like 372 (got `{la_code}`)"
            ));
        }
        let annex = if kind == Kind::AnnexA {
            let population = self
                .population
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|&p| p > 0)
                .ok_or("Enter the authority's child population (0 to 17), a whole number")?;
            let as_at = match self.as_at.trim() {
                "" => None,
                d => Some(d.parse::<Date>().map_err(|_| {
                    format!("The as-at date must look like 2026-03-31 (got `{d}`)")
                })?),
            };
            let la_name = self.la_name.trim();
            if la_name.is_empty() {
                return Err("Enter the authority's name".into());
            }
            Some(intake::AnnexAOptions {
                as_at,
                la_code: la_code.clone(),
                la_name: la_name.to_string(),
                child_population: population,
                accept_problems: self.accept_problems,
            })
        } else {
            None
        };
        if kind == Kind::Cin && self.files.len() != 1 {
            return Err("A CIN census is one XML file".into());
        }
        let label = Some(self.label.trim().to_string()).filter(|l| !l.is_empty());
        Ok(Request {
            kind,
            files: self.files,
            previous: if kind == Kind::Ssda903 {
                self.previous
            } else {
                vec![]
            },
            year,
            annex,
            la_code,
            label,
        })
    }
}

/// Reads the form. Files come as `files` (and, for a 903, last year's as `previous`); a file
/// input left empty sends a part with no name and no bytes, which is skipped.
async fn read_form(mut form: Multipart) -> Result<Upload, String> {
    let mut u = Upload::default();
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Err(format!("The upload could not be read: {e}")),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(|n| {
            // Browsers send a bare name; some send a path.
            n.rsplit(['/', '\\']).next().unwrap_or(n).to_string()
        });
        let bytes = field
            .bytes()
            .await
            .map_err(|e| format!("The upload could not be read: {e}"))?;
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        match name.as_str() {
            "files" | "previous" => {
                let Some(file_name) = file_name.filter(|n| !n.is_empty()) else {
                    continue;
                };
                if name == "files" {
                    u.files.push((file_name, bytes.to_vec()));
                } else {
                    u.previous.push((file_name, bytes.to_vec()));
                }
            }
            "kind" => u.kind = text(),
            "year" => u.year = text(),
            "la_code" => u.la_code = text(),
            "la_name" => u.la_name = text(),
            "population" => u.population = text(),
            "as_at" => u.as_at = text(),
            "accept_problems" => u.accept_problems = true,
            "label" => u.label = text(),
            _ => {}
        }
    }
    Ok(u)
}

/// Reads and checks the upload into a model (blocking: parsing is CPU work).
fn read(r: &Request, unpacked_max_bytes: u64) -> Result<Intake, IntakeError> {
    match r.kind {
        Kind::Ssd => {
            let files = match r.files.as_slice() {
                [(name, bytes)] if name.to_ascii_lowercase().ends_with(".zip") => {
                    intake::unzip(name, bytes, unpacked_max_bytes)?
                }
                files => files.to_vec(),
            };
            intake::ssd(&files)
        }
        Kind::Cin => {
            let (name, bytes) = &r.files[0];
            intake::cin(name, bytes, r.year)
        }
        Kind::Ssda903 => intake::ssda903(
            &r.files,
            &r.previous,
            r.year.expect("checked: a 903 has a year"),
            &r.la_code,
        ),
        Kind::AnnexA => intake::annex_a(&r.files, r.annex.as_ref().expect("checked")),
    }
}

/// `POST /data/imports`: starts an import in the background and sends the user to its page.
/// The CSRF token was checked by [`crate::auth::csrf_guard`] before this runs.
pub async fn upload(
    State(st): State<Shared>,
    Need(who, _): Need<Imports>,
    form: Multipart,
) -> Response {
    let request = match read_form(form).await.and_then(Upload::check) {
        Ok(r) => r,
        Err(e) => {
            return crate::pages::data_page(&st, &who, Some(e), StatusCode::BAD_REQUEST).await
        }
    };
    let names = request
        .files
        .iter()
        .chain(&request.previous)
        .map(|(n, _)| n.clone())
        .collect();
    let job = st.imports.add(&who.user.username, request.kind, names);
    tracing::info!(
        "import {} ({}) started by user {}",
        job.id,
        request.kind.id(),
        who.user.id
    );
    let (bg, j) = (st.clone(), job.clone());
    tokio::spawn(async move {
        let stage = match run(&bg, &j, request).await {
            Ok(done) => done,
            Err(e) => Stage::Failed(e),
        };
        if let Stage::Failed(e) = &stage {
            // The message names files and rows, never a value: it may hold a child's details.
            tracing::warn!(
                "import {} failed ({} characters of explanation)",
                j.id,
                e.len()
            );
        }
        let done = matches!(stage, Stage::Done { .. });
        j.set(stage);
        if done {
            if let Err(e) = crate::refresh(&bg).await {
                tracing::warn!("computing the imported snapshot: {e}");
            }
        }
    });
    Redirect::to(&format!("/data/imports/{}", job.id)).into_response()
}

async fn run(st: &Shared, job: &Job, request: Request) -> Result<Stage, String> {
    let max = st.options.unpacked_max_bytes;
    let (request, read) = tokio::task::spawn_blocking(move || {
        let r = read(&request, max);
        (request, r)
    })
    .await
    .map_err(|e| format!("reading stopped: {e}"))?;
    let intake = read.map_err(|e| e.to_string())?;
    job.set(Stage::Writing {
        table: String::new(),
    });
    let source = job.files.join(", ");
    let id = st
        .store
        .import(
            &intake.model.tables,
            &intake.model.la,
            &intake.files,
            store::ImportMeta {
                kind: request.kind.id(),
                source: &source,
                label: request.label.as_deref(),
            },
            &|table, rows, total| {
                job.rows_total.store(total, Ordering::Relaxed);
                job.rows_written.fetch_add(rows, Ordering::Relaxed);
                job.set(Stage::Writing {
                    table: table.to_string(),
                });
            },
        )
        .await
        .map_err(|e| e.to_string())?;
    // Imports change what everyone sees: they go in the audit log with the other uses of data.
    let detail = format!("import {} of {}: {}", job.id, request.kind.id(), source);
    if let Err(e) = st.store.audit(&job.by, "import", Some(id), &detail).await {
        tracing::warn!("recording import {} in the audit log: {e}", job.id);
    }
    Ok(Stage::Done {
        snapshot: id,
        accepted_problems: intake.accepted_problems.len(),
    })
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    id: u64,
    kind: &'static str,
    files: Vec<String>,
    by: String,
    started: String,
    finished: bool,
    failed: bool,
    snapshot: Option<i64>,
    done: u64,
    total: u64,
    message: String,
}

fn job_of(st: &Shared, id: &str) -> Result<Arc<Job>, Response> {
    id.parse()
        .ok()
        .and_then(|id| st.imports.get(id))
        .ok_or_else(|| {
            message(
                StatusCode::NOT_FOUND,
                "Import not found",
                "Imports are listed on the Data page until the server restarts.",
                None,
            )
        })
}

/// `GET /data/imports/{id}`: an import's progress, and its outcome.
pub async fn page(
    State(st): State<Shared>,
    Need(who, _): Need<Imports>,
    Path(id): Path<String>,
) -> Response {
    let job = match job_of(&st, &id) {
        Ok(j) => j,
        Err(r) => return r,
    };
    let s = job.status();
    render(&ImportPage {
        layout: Layout::new(format!("Import {}", job.id), Some(&who)),
        id: job.id,
        kind: job.kind.label(),
        files: job.files.clone(),
        by: job.by.clone(),
        started: job.started.clone(),
        finished: s.finished,
        failed: s.state == "failed",
        snapshot: s.snapshot,
        done: s.done,
        total: s.total,
        message: s.message,
    })
}

/// `GET /data/imports/{id}/status`: the same, as JSON for the page's script.
pub async fn status(
    State(st): State<Shared>,
    Need(_who, _): Need<Imports>,
    Path(id): Path<String>,
) -> Response {
    let job = match job_of(&st, &id) {
        Ok(j) => j,
        Err(r) => return r,
    };
    match serde_json::to_string(&job.status()) {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(e) => crate::pages::internal(e),
    }
}

/// The progress page's script: asks for the status every second and updates the bar and the
/// message; reloads the page when the import ends, so the outcome is the server's own page.
pub const PROGRESS_JS: &str = r#""use strict";
(function () {
  var root = document.getElementById("import-progress");
  if (!root || root.getAttribute("data-finished") === "true") return;
  var bar = document.getElementById("import-bar");
  var text = document.getElementById("import-message");
  function tick() {
    fetch(root.getAttribute("data-status"), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (s) {
        text.textContent = s.message;
        if (s.total > 0) { bar.max = s.total; bar.value = s.done; }
        if (s.finished) { window.location.reload(); } else { window.setTimeout(tick, 1000); }
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 500);
})();
"#;

pub async fn progress_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PROGRESS_JS,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(kind: &str) -> Upload {
        Upload {
            kind: kind.into(),
            files: vec![("a.csv".into(), b"x".to_vec())],
            ..Upload::default()
        }
    }

    #[test]
    fn the_form_is_checked_before_an_import_starts() {
        assert!(upload("nonsense").check().is_err());
        assert!(Upload {
            files: vec![],
            ..upload("ssd")
        }
        .check()
        .is_err());
        assert!(upload("ssd").check().is_ok());
        // A 903 needs its year and the LA number.
        let e = upload("903").check().err().unwrap();
        assert!(e.contains("collection year"), "{e}");
        let u = Upload {
            year: "2025-26".into(),
            la_code: "E08000018".into(),
            ..upload("903")
        };
        assert!(u.check().err().unwrap().contains("three-digit"));
        let u = Upload {
            year: "2025-26".into(),
            la_code: "372".into(),
            previous: vec![("p.csv".into(), vec![])],
            ..upload("903")
        };
        let r = u.check().unwrap();
        assert_eq!(r.year, Some(CollectionYear::ending(2026)));
        assert_eq!(r.previous.len(), 1);
        // An Annex A names the authority and its population.
        let u = Upload {
            la_code: "372".into(),
            la_name: "Rotherham".into(),
            population: "0".into(),
            ..upload("annex-a")
        };
        assert!(u.check().err().unwrap().contains("population"));
        let u = Upload {
            la_code: "372".into(),
            la_name: "Rotherham".into(),
            population: "56000".into(),
            as_at: "2026-03-31".into(),
            ..upload("annex-a")
        };
        let a = u.check().unwrap().annex.unwrap();
        assert_eq!(a.as_at, Some(Date::ymd(2026, 3, 31)));
        // A CIN census is one file.
        let u = Upload {
            files: vec![("a.xml".into(), vec![]), ("b.xml".into(), vec![])],
            ..upload("cin")
        };
        assert!(u.check().is_err());
    }

    #[test]
    fn a_job_reports_its_progress_and_outcome() {
        let jobs = Jobs::default();
        let j = jobs.add("admin", Kind::Ssd, vec!["x.zip".into()]);
        assert_eq!(j.status().state, "reading");
        j.rows_total.store(10, Ordering::Relaxed);
        j.rows_written.store(4, Ordering::Relaxed);
        j.set(Stage::Writing {
            table: "ssd_person".into(),
        });
        assert_eq!(j.status().message, "Writing ssd_person: 4 of 10 rows");
        j.set(Stage::Failed("bad".into()));
        let s = j.status();
        assert!(s.finished && s.snapshot.is_none());
        assert_eq!(jobs.get(j.id).unwrap().id, j.id);
        assert!(jobs.get(j.id + 1).is_none());
    }
}
