//! The outcomes register: every LA's inspections, imported from the public files (each
//! layout recognised by its columns), merged across files, with the known errors of those
//! files corrected or flagged by a table of fixes, each with its reason.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{OfstedError, Result};
use crate::grade::{Era, Framework, Grade, Judgement};
use crate::table::{norm, parse_date, parse_range, read_csv, read_workbook, Sheet};

/// A local authority: its three identifiers, region and statistical neighbours.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct La {
    /// DfE three-digit code (372), the register's key.
    pub la_code: String,
    /// Ofsted URN of the LA as a provider (80543).
    pub urn: Option<String>,
    /// ONS/GSS code (E08000018).
    pub ons_code: Option<String>,
    pub name: String,
    pub region_code: Option<String>,
    pub region_name: Option<String>,
    /// DfE codes of the ten statistical neighbours, nearest first.
    pub stat_neighbours: Vec<String>,
}

/// A "What needs to improve" item (ILACS), an SIF priority action or area for improvement,
/// or a visit letter's point for improvement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub text: String,
    /// National framework cross-reference, e.g. "Outcome 4, national framework" (from 2025).
    pub tag: Option<String>,
}

/// One inspection or visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub la_code: String,
    pub la_name: String,
    pub urn: Option<String>,
    pub framework: Framework,
    /// The judgement table the inspection has (graded activities only).
    pub era: Option<Era>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub published: Option<NaiveDate>,
    pub lead_inspector: Option<String>,
    pub team: Vec<String>,
    pub grades: BTreeMap<Judgement, Grade>,
    pub improvements: Vec<Item>,
    /// Areas for priority action (visits) or SIF "priority and immediate action".
    pub priority_actions: Vec<Item>,
    pub link: Option<String>,
    /// The files this record was assembled from.
    pub sources: Vec<String>,
}

impl Inspection {
    /// The date it is ordered and shown by: fieldwork start, else publication.
    pub fn date(&self) -> Option<NaiveDate> {
        self.start.or(self.published)
    }

    pub fn grade(&self, j: Judgement) -> Option<Grade> {
        self.grades.get(&j).copied()
    }

    /// The §1.3 consistency check, as a warning only: any children's-experience judgement
    /// Inadequate with an overall that is not.
    pub fn overall_warning(&self) -> Option<String> {
        let overall = self.grade(Judgement::Overall)?;
        let experience = [
            Judgement::HelpAndProtection,
            Judgement::InCare,
            Judgement::InCareAndCareLeavers,
            Judgement::CareLeavers,
            Judgement::LookedAfterPermanence,
        ];
        let bad = experience
            .iter()
            .find(|j| self.grade(**j) == Some(Grade::Inadequate))?;
        (overall != Grade::Inadequate).then(|| {
            format!(
                "{} is Inadequate but overall effectiveness is {overall}",
                bad.label()
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoteKind {
    /// The value was replaced by the right one.
    Corrected,
    /// The value was dropped or left in doubt; nothing was guessed.
    Flagged,
}

/// What was done about a known error in an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub file: String,
    /// "LA name (code), published date" or the LA alone.
    pub subject: String,
    pub what: String,
    pub reason: String,
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let k = match self.kind {
            NoteKind::Corrected => "corrected",
            NoteKind::Flagged => "flagged",
        };
        write!(
            f,
            "{k}: {} ({}): {} — {}",
            self.subject, self.file, self.what, self.reason
        )
    }
}

/// The file layouts the register reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Layout {
    /// `Provider_data_lookup.csv`: URN, DfE and ONS codes, region, statistical neighbours.
    Lookup,
    /// Ofsted's "local authority inspection outcomes" spreadsheet (.ods/.xlsx).
    Official,
    /// A report read by [`crate::report`] and saved as JSON.
    Report,
    /// JT-39 `ofsted_csc_ilacs_history.csv`: every children's services inspection report.
    History,
    /// D2I `ofsted_csc_ilacs_overview` (.xlsx or .csv): each LA's latest ILACS inspection.
    Overview,
    /// `ilacs_history_from_git_versions.csv`: the union of the overview's committed versions.
    GitVersions,
    /// `sif_judgements_2013_2018_extracted.csv`: SIF judgements.
    Sif,
}

impl Layout {
    pub fn label(self) -> &'static str {
        match self {
            Layout::Lookup => "LA lookup",
            Layout::Official => "Ofsted LA inspection outcomes",
            Layout::Report => "report read in",
            Layout::History => "inspection history (JT-39)",
            Layout::Overview => "latest-inspection overview (D2I)",
            Layout::GitVersions => "overview versions history",
            Layout::Sif => "SIF judgements",
        }
    }

    /// Which layout a header row is, if any.
    fn of_headers(h: &[String]) -> Option<Layout> {
        let has = |n: &str| h.iter().any(|c| norm(c) == n);
        let contains = |n: &str| h.iter().any(|c| norm(c).contains(n));
        if has("la_code_new") && has("stat_neighbours") {
            Some(Layout::Lookup)
        } else if has("pdf_filename") && has("overall_effectiveness_grade") {
            Some(Layout::History)
        } else if has("first_seen_commit") {
            Some(Layout::GitVersions)
        } else if has("stat_neighbour_judgement") {
            Some(Layout::Overview)
        } else if has("sif_overall") {
            Some(Layout::Sif)
        } else if (contains("local authority") || has("la code"))
            && contains("inspection date")
            && (contains("overall effectiveness") || contains("inspection type"))
        {
            Some(Layout::Official)
        } else {
            None
        }
    }
}

/// What an import read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub name: String,
    pub layout: Layout,
    pub rows: usize,
}

/// Every LA and inspection imported, and the notes on the errors met.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    pub las: BTreeMap<String, La>,
    /// Ordered by LA code, then date.
    pub inspections: Vec<Inspection>,
    pub notes: Vec<Note>,
}

/// One row of a file, before merging.
struct Row {
    file: String,
    layout: Layout,
    urn: Option<String>,
    la_code: Option<String>,
    name: String,
    insp: Inspection,
    /// Why a row is noted and left out rather than imported.
    left_out: Option<&'static str>,
}

impl Register {
    /// Reads and merges `files` (name, bytes), all or nothing: any file in no known layout,
    /// or any cell that is not what its column holds, is an error naming it. Files are
    /// recognised by their columns, not their names; the order they are given in does not
    /// matter (sources are merged by a fixed priority, official first).
    pub fn from_files<N: AsRef<str>, B: AsRef<[u8]>>(
        files: &[(N, B)],
    ) -> Result<(Register, Vec<FileSummary>)> {
        let mut reg = Register::default();
        let mut rows: Vec<Row> = Vec::new();
        let mut summaries = Vec::new();
        let mut sheets: Vec<(Layout, Sheet)> = Vec::new();
        let mut reports = Vec::new();
        for (name, bytes) in files {
            let (name, bytes) = (name.as_ref(), bytes.as_ref());
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name).to_string();
            let lower = base.to_lowercase();
            if lower.ends_with(".json") {
                let r: crate::report::Report =
                    serde_json::from_slice(bytes).map_err(|e| OfstedError::UnknownLayout {
                        file: base.clone(),
                        why: format!("JSON that is not a report read by `ofsted read` ({e})"),
                    })?;
                summaries.push(FileSummary {
                    name: base.clone(),
                    layout: Layout::Report,
                    rows: 1,
                });
                reports.push((base, r));
                continue;
            }
            let found: Vec<Sheet> = if lower.ends_with(".csv") {
                vec![read_csv(&base, bytes)?]
            } else if [".xlsx", ".xls", ".xlsm", ".ods"]
                .iter()
                .any(|e| lower.ends_with(e))
            {
                read_workbook(&base, bytes, &|h| Layout::of_headers(h).is_some())?
            } else {
                return Err(OfstedError::UnknownLayout {
                    file: base,
                    why: "expected .csv, .xlsx, .ods or a report .json".into(),
                });
            };
            let mut n = 0;
            let mut layout = None;
            for s in found {
                let Some(l) = Layout::of_headers(&s.headers) else {
                    continue;
                };
                n += s
                    .rows
                    .iter()
                    .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
                    .count();
                layout = Some(l);
                sheets.push((l, s));
            }
            let Some(layout) = layout else {
                return Err(OfstedError::UnknownLayout {
                    file: base,
                    why: "its columns match none of: the LA lookup, Ofsted's LA inspection \
                          outcomes, the ILACS history, overview or overview versions, the SIF \
                          judgements"
                        .into(),
                });
            };
            summaries.push(FileSummary {
                name: base,
                layout,
                rows: n,
            });
        }
        // The lookup first: it names the LAs every other file is joined to.
        sheets.sort_by_key(|(l, _)| *l);
        for (layout, sheet) in &sheets {
            match layout {
                Layout::Lookup => reg.read_lookup(sheet)?,
                Layout::Official => rows.extend(read_official(sheet)?),
                Layout::History => rows.extend(read_scraped(sheet, *layout)?),
                Layout::Overview => {
                    reg.read_overview_las(sheet);
                    rows.extend(read_scraped(sheet, *layout)?)
                }
                Layout::GitVersions => rows.extend(read_scraped(sheet, *layout)?),
                Layout::Sif => rows.extend(read_sif(sheet)?),
                Layout::Report => {}
            }
        }
        for (file, r) in reports {
            rows.push(Row {
                layout: Layout::Report,
                urn: None,
                la_code: None,
                name: r.la_name.clone(),
                insp: r.to_inspection(&file),
                file,
                left_out: None,
            });
        }
        for row in rows {
            reg.add_row(row);
        }
        reg.finish();
        Ok((reg, summaries))
    }

    fn note(&mut self, kind: NoteKind, file: &str, subject: String, what: &str, reason: &str) {
        self.notes.push(Note {
            kind,
            file: file.to_string(),
            subject,
            what: what.to_string(),
            reason: reason.to_string(),
        });
    }

    fn read_lookup(&mut self, s: &Sheet) -> Result<()> {
        let urn = s.require(&["urn"], "the Ofsted URN")?;
        let code = s.require(&["la_code"], "the DfE LA code")?;
        let ons = s.require(&["la_code_new"], "the ONS code")?;
        let sn = s.require(&["stat_neighbours"], "DfE codes of statistical neighbours")?;
        let name = s.require(&["local_authority_ons_name"], "the LA name")?;
        let rc = s.col(&["region_code"]);
        let rn = s.col(&["region_name"]);
        for (i, r) in s.rows.iter().enumerate() {
            let get = |c: usize| r.get(c).map(|v| v.trim()).unwrap_or("");
            let opt = |c: Option<usize>| c.map(get).filter(|v| !v.is_empty()).map(String::from);
            let la_code = get(code).to_string();
            if la_code.is_empty() && get(urn).is_empty() {
                continue;
            }
            if !is_la_code(&la_code) {
                return Err(cell_err(
                    s,
                    i,
                    "la_code",
                    &la_code,
                    "a three-digit DfE LA code",
                ));
            }
            let mut la = La {
                la_code: la_code.clone(),
                urn: Some(get(urn).to_string()).filter(|u| !u.is_empty()),
                ons_code: Some(get(ons).to_string()).filter(|u| !u.is_empty()),
                name: get(name).to_string(),
                region_code: opt(rc).filter(|v| v != "NotKnown"),
                region_name: opt(rn).filter(|v| v != "NotKnown"),
                stat_neighbours: split_codes(get(sn)),
            };
            for f in LA_FIXES.iter().filter(|f| f.la_code == la_code) {
                let slot = match f.field {
                    "ons_code" => &mut la.ons_code,
                    "region_code" => &mut la.region_code,
                    _ => &mut la.region_name,
                };
                *slot = Some(f.value.to_string());
                let subject = format!("{} ({la_code})", la.name);
                self.note(
                    NoteKind::Corrected,
                    &s.file,
                    subject,
                    &format!("{} set to {}", f.field, f.value),
                    f.reason,
                );
            }
            self.las.insert(la_code, la);
        }
        Ok(())
    }

    /// The overview carries region and neighbours too: used for LAs the lookup lacks.
    fn read_overview_las(&mut self, s: &Sheet) {
        let (Some(urn), Some(code)) = (s.col(&["urn"]), s.col(&["la_code"])) else {
            return;
        };
        let (rc, sn, name) = (
            s.col(&["region_code"]),
            s.col(&["stat_neighbours"]),
            s.col(&["local_authority"]),
        );
        for r in &s.rows {
            let get = |c: Option<usize>| {
                c.and_then(|c| r.get(c))
                    .map(|v| v.trim().to_string())
                    .unwrap_or_default()
            };
            let la_code = get(Some(code));
            if !is_la_code(&la_code) || self.las.contains_key(&la_code) {
                continue;
            }
            self.las.insert(
                la_code.clone(),
                La {
                    la_code,
                    urn: Some(get(Some(urn))).filter(|u| !u.is_empty()),
                    ons_code: None,
                    name: get(name),
                    region_code: Some(get(rc)).filter(|u| !u.is_empty()),
                    region_name: None,
                    stat_neighbours: split_codes(&get(sn)),
                },
            );
        }
    }

    /// The LA a row belongs to: by DfE code, else by URN (the git-versions file sometimes has
    /// the DfE code in its `urn` column), else by name.
    fn resolve(&self, row: &Row) -> Option<(String, Option<String>)> {
        let by_urn = |u: &str| {
            self.las
                .values()
                .find(|l| l.urn.as_deref() == Some(u))
                .map(|l| l.la_code.clone())
        };
        if let Some(c) = row.la_code.as_deref().filter(|c| self.las.contains_key(*c)) {
            if let Some(u) = row.urn.as_deref() {
                if by_urn(u).is_none() && self.las.contains_key(u) {
                    return Some((c.to_string(), Some("urn holds the DfE LA code".into())));
                }
            }
            return Some((c.to_string(), None));
        }
        if let Some(u) = row.urn.as_deref() {
            if let Some(c) = by_urn(u) {
                return Some((c, None));
            }
        }
        if let Some(c) = row.la_code.as_deref().filter(|c| is_la_code(c)) {
            return Some((c.to_string(), None));
        }
        let name = simple_name(&row.name);
        self.las
            .values()
            .find(|l| simple_name(&l.name) == name)
            .map(|l| (l.la_code.clone(), None))
    }

    fn add_row(&mut self, mut row: Row) {
        if let Some(why) = row.left_out {
            let published = row
                .insp
                .published
                .map(|d| d.to_string())
                .unwrap_or_default();
            let subject = format!(
                "{} (URN {}), published {published}",
                row.name,
                row.urn.clone().unwrap_or_default()
            );
            self.note(
                NoteKind::Flagged,
                &row.file,
                subject,
                "document left out",
                why,
            );
            return;
        }
        let Some((code, fix)) = self.resolve(&row) else {
            let subject = format!("{} (URN {})", row.name, row.urn.clone().unwrap_or_default());
            self.note(
                NoteKind::Flagged,
                &row.file,
                subject,
                "row left out",
                "its LA is in no imported lookup (import Provider_data_lookup.csv with it)",
            );
            return;
        };
        let la = self.las.get(&code).cloned().unwrap_or(La {
            la_code: code.clone(),
            name: row.name.clone(),
            urn: row.urn.clone(),
            ..La::default()
        });
        self.las.entry(code.clone()).or_insert_with(|| la.clone());
        row.insp.la_code = code.clone();
        row.insp.la_name = la.name.clone();
        row.insp.urn = la.urn.clone();
        let subject = format!(
            "{} ({code}), published {}",
            la.name,
            row.insp
                .published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into())
        );
        if let Some(why) = fix {
            self.note(
                NoteKind::Corrected,
                &row.file,
                subject.clone(),
                "LA taken from la_code",
                &format!("{why} instead of the Ofsted URN"),
            );
        }
        self.apply_fixes(&mut row, &subject);
        // Merge with the same inspection from another file.
        let same = self.inspections.iter().position(|i| {
            i.la_code == row.insp.la_code
                && i.framework.is_graded() == row.insp.framework.is_graded()
                && ((i.published.is_some() && i.published == row.insp.published)
                    || (i.start.is_some() && i.start == row.insp.start))
        });
        match same {
            None => self.inspections.push(row.insp),
            Some(k) => {
                let mut conflicts = Vec::new();
                let existing = &mut self.inspections[k];
                merge(existing, row.insp, &mut conflicts);
                for c in conflicts {
                    self.note(
                        NoteKind::Flagged,
                        &row.file,
                        subject.clone(),
                        &c,
                        "the files disagree; the value from the more authoritative source is kept",
                    );
                }
            }
        }
    }

    /// The known errors of the public files (`FIXES`) and the general rules.
    fn apply_fixes(&mut self, row: &mut Row, subject: &str) {
        let file = row.file.clone();
        let published = row.insp.published.map(|d| d.to_string());
        let (layout, la_code) = (row.layout, row.insp.la_code.clone());
        for f in FIXES.iter().filter(|f| {
            f.layouts.contains(&layout)
                && f.la_code == la_code
                && published.as_deref() == Some(f.published)
        }) {
            let i = &mut row.insp;
            let what = match f.change {
                Change::Grade(j, g) => {
                    i.grades.insert(j, g);
                    format!("{} set to {g}", j.label())
                }
                Change::Dates(a, b) => {
                    i.start = parse_date(a);
                    i.end = parse_date(b);
                    format!("inspection dates set to {a} – {b}")
                }
                Change::Framework(fw) => {
                    i.framework = fw;
                    format!("framework set to {}", fw.label())
                }
                Change::Inspector(n) => {
                    i.lead_inspector = Some(n.to_string());
                    format!("lead inspector set to {n}")
                }
                Change::Flag(what) => what.to_string(),
            };
            self.note(f.kind, &file, subject.to_string(), &what, f.reason);
        }
        let i = &mut row.insp;
        if i.framework.is_sif() {
            i.era = Some(Era::Sif);
        } else if i.framework.is_graded() {
            // Fieldwork start chooses the layout; without it, six weeks before publication
            // (the usual gap) stands in.
            let start = i
                .start
                .or_else(|| i.published.map(|p| p - Duration::days(42)));
            i.era = start.map(Era::ilacs);
            if start.is_none() {
                self.note(
                    NoteKind::Flagged,
                    &file,
                    subject.to_string(),
                    "no inspection or publication date",
                    "the judgement layout cannot be told; grades kept as given",
                );
            }
            let i = &mut row.insp;
            if i.era == Some(Era::Ilacs2018) {
                // Before 2023 the in-care grade is the combined judgement; a separate
                // care-leavers value is the scraper filling a judgement that did not exist.
                if let Some(g) = i.grades.remove(&Judgement::InCare) {
                    i.grades.insert(Judgement::InCareAndCareLeavers, g);
                }
                if let Some(g) = i.grades.remove(&Judgement::CareLeavers) {
                    let combined = i.grades.get(&Judgement::InCareAndCareLeavers).copied();
                    if combined != Some(g) && row.layout != Layout::Report {
                        self.note(
                            NoteKind::Corrected,
                            &file,
                            subject.to_string(),
                            &format!("care leavers grade {g} dropped"),
                            "the inspection predates the separate care-leavers judgement (January 2023); the combined children in care and care leavers judgement stands",
                        );
                    }
                }
            }
            let i = &mut row.insp;
            if i.era == Some(Era::Ilacs2026) && i.grades.remove(&Judgement::Overall).is_some() {
                self.note(
                    NoteKind::Flagged,
                    &file,
                    subject.to_string(),
                    "overall effectiveness dropped",
                    "no overall judgement is given for inspections from April 2026",
                );
            }
            if i.lead_inspector.is_none() && row.layout != Layout::Official {
                self.note(
                    NoteKind::Flagged,
                    &file,
                    subject.to_string(),
                    "lead inspector blank",
                    "the scraper could not read it; not guessed",
                );
            }
        }
    }

    /// Orders inspections and drops duplicate notes (the same error in several files is
    /// listed once per file).
    fn finish(&mut self) {
        self.inspections.sort_by(|a, b| {
            (a.la_code.as_str(), a.date(), a.framework).cmp(&(
                b.la_code.as_str(),
                b.date(),
                b.framework,
            ))
        });
        let mut seen = std::collections::HashSet::new();
        self.notes
            .retain(|n| seen.insert((n.file.clone(), n.subject.clone(), n.what.clone())));
    }

    /// Adds a report read in, merged with the inspection it describes if already present.
    pub fn add_report(&mut self, file: &str, r: &crate::report::Report) {
        let row = Row {
            file: file.to_string(),
            layout: Layout::Report,
            urn: None,
            la_code: None,
            name: r.la_name.clone(),
            insp: r.to_inspection(file),
            left_out: None,
        };
        self.add_row(row);
        self.finish();
    }

    /// The LA named by DfE code, URN, ONS code or name (any case).
    pub fn la(&self, key: &str) -> Option<&La> {
        let k = key.trim();
        self.las.get(k).or_else(|| {
            let s = simple_name(k);
            self.las.values().find(|l| {
                l.urn.as_deref() == Some(k)
                    || l.ons_code
                        .as_deref()
                        .is_some_and(|o| o.eq_ignore_ascii_case(k))
                    || simple_name(&l.name) == s
            })
        })
    }

    /// An LA's inspections and visits, oldest first.
    pub fn history(&self, la_code: &str) -> Vec<&Inspection> {
        self.inspections
            .iter()
            .filter(|i| i.la_code == la_code)
            .collect()
    }

    /// An LA's latest graded inspection.
    pub fn current(&self, la_code: &str) -> Option<&Inspection> {
        self.history(la_code)
            .into_iter()
            .rev()
            .find(|i| i.framework.is_graded() && !i.grades.is_empty())
    }

    /// For each judgement, how many LAs hold each grade at their latest graded inspection,
    /// and how many have no grade for it there (`[O, G, RI, I, none]`).
    pub fn distribution(&self) -> BTreeMap<Judgement, [usize; 5]> {
        let mut out: BTreeMap<Judgement, [usize; 5]> = BTreeMap::new();
        for code in self.las.keys() {
            let Some(i) = self.current(code) else {
                continue;
            };
            for j in [
                Judgement::Overall,
                Judgement::Leaders,
                Judgement::HelpAndProtection,
                Judgement::InCare,
                Judgement::InCareAndCareLeavers,
                Judgement::CareLeavers,
            ] {
                let slot = out.entry(j).or_default();
                match i.grade(j) {
                    Some(g) => slot[g as usize] += 1,
                    None => slot[4] += 1,
                }
            }
        }
        out
    }

    /// The LA's statistical neighbours and the other LAs of its region, each with its latest
    /// graded inspection.
    pub fn comparators(&self, la_code: &str) -> Comparators<'_> {
        let la = self.las.get(la_code);
        let neighbours = la
            .map(|l| {
                l.stat_neighbours
                    .iter()
                    .filter_map(|c| self.las.get(c))
                    .map(|n| (n, self.current(&n.la_code)))
                    .collect()
            })
            .unwrap_or_default();
        let region = la
            .and_then(|l| l.region_code.clone())
            .map(|r| {
                self.las
                    .values()
                    .filter(|o| o.region_code.as_deref() == Some(r.as_str()))
                    .map(|n| (n, self.current(&n.la_code)))
                    .collect()
            })
            .unwrap_or_default();
        Comparators { neighbours, region }
    }
}

/// An LA's comparators (see [`Register::comparators`]).
pub struct Comparators<'a> {
    pub neighbours: Vec<(&'a La, Option<&'a Inspection>)>,
    /// Includes the LA itself.
    pub region: Vec<(&'a La, Option<&'a Inspection>)>,
}

fn merge(into: &mut Inspection, from: Inspection, conflicts: &mut Vec<String>) {
    for (j, g) in from.grades {
        match into.grades.get(&j) {
            None => {
                into.grades.insert(j, g);
            }
            Some(h) if *h != g => {
                conflicts.push(format!("{}: {h} kept, {g} in this file", j.label()))
            }
            _ => {}
        }
    }
    // The SIF file knows re-inspections; the history only that the report was unreadable.
    if (into.framework == Framework::Ilacs && from.framework != Framework::Ilacs)
        || (into.framework == Framework::Sif && from.framework == Framework::SifReinspection)
    {
        into.framework = from.framework;
    }
    into.era = into.era.or(from.era);
    into.start = into.start.or(from.start);
    into.end = into.end.or(from.end);
    into.published = into.published.or(from.published);
    if into.lead_inspector.is_none() {
        into.lead_inspector = from.lead_inspector;
    }
    if into.team.is_empty() {
        into.team = from.team;
    }
    if into.improvements.is_empty() {
        into.improvements = from.improvements;
    }
    if into.priority_actions.is_empty() {
        into.priority_actions = from.priority_actions;
    }
    if into.link.is_none() {
        into.link = from.link;
    }
    for s in from.sources {
        if !into.sources.contains(&s) {
            into.sources.push(s);
        }
    }
}

fn cell_err(s: &Sheet, i: usize, column: &str, value: &str, expected: &str) -> OfstedError {
    OfstedError::Cell {
        file: s.label(),
        row: s.first_row + i,
        column: column.to_string(),
        value: value.to_string(),
        expected: expected.to_string(),
    }
}

fn is_la_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())
}

fn split_codes(s: &str) -> Vec<String> {
    s.split([',', ' '])
        .map(|c| c.trim().trim_end_matches(".0").to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Name for matching: lower case, letters and digits only, "and"/"&" and council words gone.
pub fn simple_name(s: &str) -> String {
    let s = s.to_lowercase().replace('&', " and ").replace('_', " ");
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "and"
                        | "of"
                        | "the"
                        | "council"
                        | "city"
                        | "county"
                        | "borough"
                        | "metropolitan"
                        | "district"
                        | "royal"
                        | "london"
                )
        })
        .collect::<Vec<_>>()
        .join("")
}

/// The scrapers' grade cells: a grade, blank, or a marker. A marker or blank is no grade;
/// anything else is an error naming the cell.
fn scraped_grade(s: &Sheet, i: usize, col: &str, v: &str) -> Result<Option<Grade>> {
    let t = v.trim();
    if t.is_empty()
        || matches!(
            t,
            "data_unreadable"
                | "inspection_pre_dates_judgement"
                | "not_reported_post_reform"
                | "nan"
                | "None"
                | "to requires improvement"
        )
    {
        return Ok(None);
    }
    Grade::parse(t).map(Some).ok_or_else(|| {
        cell_err(
            s,
            i,
            col,
            v,
            "a grade (outstanding, good, requires improvement, inadequate) or a scraper marker",
        )
    })
}

fn date_cell(s: &Sheet, i: usize, col: &str, v: &str) -> Result<Option<NaiveDate>> {
    let t = v.trim();
    if t.is_empty() || t == "None" || t == "nan" || t == "NaT" {
        return Ok(None);
    }
    parse_date(t)
        .map(Some)
        .ok_or_else(|| cell_err(s, i, col, v, "a date (dd/mm/yyyy, dd/mm/yy or yyyy-mm-dd)"))
}

fn blank_inspection(framework: Framework, file: &str) -> Inspection {
    Inspection {
        la_code: String::new(),
        la_name: String::new(),
        urn: None,
        framework,
        era: None,
        start: None,
        end: None,
        published: None,
        lead_inspector: None,
        team: vec![],
        grades: BTreeMap::new(),
        improvements: vec![],
        priority_actions: vec![],
        link: None,
        sources: vec![file.to_string()],
    }
}

/// The three scraped ILACS layouts share their columns.
fn read_scraped(s: &Sheet, layout: Layout) -> Result<Vec<Row>> {
    let urn = s.require(&["urn"], "the Ofsted URN")?;
    let la_code = s.col(&["la_code"]);
    let name = s.require(&["local_authority"], "the LA name")?;
    let link = s.col(&["inspection_link"]);
    let pdf = s.col(&["pdf_filename"]);
    let fw = s.require(&["inspection_framework"], "short or standard")?;
    let insp = s.require(&["inspector_name"], "the lead inspector")?;
    let start = s.require(&["inspection_start_date"], "a date")?;
    let end = s.require(&["inspection_end_date"], "a date")?;
    let publ = s.require(&["publication_date"], "a date")?;
    let grade_cols = [
        ("overall_effectiveness_grade", Judgement::Overall),
        ("impact_of_leaders_grade", Judgement::Leaders),
        ("help_and_protection_grade", Judgement::HelpAndProtection),
        ("in_care_grade", Judgement::InCare),
        ("care_leavers_grade", Judgement::CareLeavers),
    ];
    let mut cols = Vec::new();
    for (c, j) in grade_cols {
        cols.push((s.require(&[c], "a grade")?, c, j));
    }
    let mut out = Vec::new();
    for (i, r) in s.rows.iter().enumerate() {
        let get = |c: usize| r.get(c).map(|v| v.as_str()).unwrap_or("");
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // Reports the scraper could not read: SIF reports (their grades come from the SIF
        // file) and older documents that are not graded inspections of this kind.
        let unreadable = get(cols[1].0) == "data_unreadable";
        let framework = match get(fw).trim() {
            _ if unreadable => Framework::Sif,
            "short" => Framework::IlacsShort,
            "standard" => Framework::IlacsStandard,
            "inspection duration longer than standard framework" => Framework::IlacsStandard,
            "" | "None" | "nan" => Framework::Ilacs,
            v => {
                return Err(cell_err(
                    s,
                    i,
                    "inspection_framework",
                    v,
                    "short or standard",
                ))
            }
        };
        let mut ins = blank_inspection(framework, &s.file);
        ins.link = link.map(get).filter(|v| !v.is_empty()).map(String::from);
        ins.start = date_cell(s, i, "inspection_start_date", get(start))?;
        ins.end = date_cell(s, i, "inspection_end_date", get(end))?;
        ins.published = date_cell(s, i, "publication_date", get(publ))?;
        let name_v = get(insp).trim();
        ins.lead_inspector =
            (!name_v.is_empty() && name_v != "None" && name_v != "nan").then(|| title_case(name_v));
        if !unreadable {
            for (c, col, j) in &cols {
                if let Some(g) = scraped_grade(s, i, col, get(*c))? {
                    ins.grades.insert(*j, g);
                }
            }
        }
        let mut row = Row {
            file: s.file.clone(),
            layout,
            urn: Some(get(urn).trim().to_string()).filter(|u| !u.is_empty()),
            la_code: la_code.map(|c| get(c).trim().to_string()),
            name: get(name).to_string(),
            insp: ins,
            left_out: None,
        };
        if unreadable {
            let doc = pdf.map(get).unwrap_or("");
            let is_sif_era = row
                .insp
                .published
                .is_some_and(|p| p >= NaiveDate::from_ymd_opt(2014, 1, 1).unwrap_or(p));
            if get(cols[0].0) == "data_unreadable" || !is_sif_era {
                // Not a graded SIF/ILACS report (2012 HTML pages, 2013 looked-after
                // inspections, an LSCB review).
                let _ = doc;
                row.left_out = Some(
                    "not a graded SIF or ILACS report (the scraper marks it data_unreadable); left out",
                );
            }
            row.insp.start = None;
            row.insp.end = None;
        }
        out.push(row);
    }
    Ok(out)
}

fn read_sif(s: &Sheet) -> Result<Vec<Row>> {
    let urn = s.require(&["urn"], "the Ofsted URN")?;
    let la = s.require(&["la"], "the LA name")?;
    let publ = s.require(&["published"], "the publication date")?;
    let dates = s.require(&["inspection_dates"], "the inspection dates")?;
    let re = s.require(&["is_reinspection"], "True or False")?;
    let file = s.require(&["file"], "the source text's name")?;
    let cols = [
        ("sif_overall", Judgement::Overall),
        ("help_and_protection", Judgement::HelpAndProtection),
        ("looked_after_permanence", Judgement::LookedAfterPermanence),
        ("adoption", Judgement::Adoption),
        ("care_leavers", Judgement::CareLeavers),
        (
            "leadership_management_governance",
            Judgement::LeadershipManagementGovernance,
        ),
    ];
    let mut idx = Vec::new();
    for (c, j) in cols {
        idx.push((s.require(&[c], "a grade")?, c, j));
    }
    let mut out = Vec::new();
    for (i, r) in s.rows.iter().enumerate() {
        let get = |c: usize| r.get(c).map(|v| v.trim()).unwrap_or("");
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let framework = match get(re) {
            "True" | "true" => Framework::SifReinspection,
            "False" | "false" => Framework::Sif,
            v => return Err(cell_err(s, i, "is_reinspection", v, "True or False")),
        };
        let mut ins = blank_inspection(framework, &s.file);
        // A row whose LA and date columns are blank (Kingston upon Hull, 2015) still has them
        // in its source file name: <urn>_<la>_..._<dd>_<month>_<yyyy>.txt.
        let fname = get(file);
        let mut urn_v = get(urn).to_string();
        let mut name_v = get(la).replace('_', " ");
        let mut publ_v = get(publ).to_string();
        if urn_v.is_empty() {
            let stem = fname.trim_end_matches(".txt");
            let parts: Vec<&str> = stem.split('_').collect();
            if parts.len() > 4 && parts[0].bytes().all(|b| b.is_ascii_digit()) {
                urn_v = parts[0].to_string();
                publ_v = parts[parts.len() - 3..].join(" ");
                name_v = parts[1..]
                    .iter()
                    .take_while(|w| **w != "single" && **w != "children")
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
        ins.published = Some(publ_v.as_str())
            .filter(|v| !v.is_empty())
            .map(|v| {
                parse_date(v)
                    .ok_or_else(|| cell_err(s, i, "published", v, "a date like 19 january 2018"))
            })
            .transpose()?;
        if let Some((a, b)) = parse_range(get(dates)) {
            ins.start = Some(a);
            ins.end = Some(b);
        }
        for (c, col, j) in &idx {
            let v = get(*c);
            if v.is_empty() {
                continue;
            }
            let g = Grade::parse(v).ok_or_else(|| cell_err(s, i, col, v, "a grade"))?;
            ins.grades.insert(*j, g);
        }
        out.push(Row {
            file: s.file.clone(),
            layout: Layout::Sif,
            urn: Some(urn_v).filter(|u| !u.is_empty()),
            la_code: None,
            name: name_v,
            insp: ins,
            left_out: None,
        });
    }
    Ok(out)
}

/// Ofsted's official spreadsheet. UNCERTAIN (spec): its exact columns were not seen; they
/// are found by their header words ("Local authority area code", "Inspection date",
/// "Inspection type", "Overall effectiveness", …) on any sheet, under any title rows.
fn read_official(s: &Sheet) -> Result<Vec<Row>> {
    let code = s
        .col_containing(&["area code", "la code", "local authority code"], &[])
        .ok_or_else(|| OfstedError::MissingColumn {
            file: s.label(),
            column: "Local authority area code".into(),
            expected: "the DfE or ONS code of the LA".into(),
        })?;
    let name = s.col_containing(&["local authority name", "local authority"], &["code"]);
    let start = s
        .col_containing(
            &["inspection start date", "inspection date"],
            &["end", "publi"],
        )
        .ok_or_else(|| OfstedError::MissingColumn {
            file: s.label(),
            column: "Inspection date".into(),
            expected: "the first day of fieldwork".into(),
        })?;
    let end = s.col_containing(&["inspection end date", "end date"], &[]);
    let publ = s.col_containing(&["publication date", "published"], &[]);
    let kind = s.col_containing(&["inspection type", "type of inspection", "activity"], &[]);
    let inspector = s.col_containing(&["lead inspector", "inspector"], &[]);
    let grades = [
        (
            s.col_containing(&["overall effectiveness"], &[]),
            Judgement::Overall,
        ),
        (
            s.col_containing(&["impact of leaders"], &[]),
            Judgement::Leaders,
        ),
        (
            s.col_containing(&["help and protection"], &[]),
            Judgement::HelpAndProtection,
        ),
        (
            s.col_containing(&["in care and care leavers"], &[]),
            Judgement::InCareAndCareLeavers,
        ),
        (
            s.col_containing(&["children in care"], &["leavers"]),
            Judgement::InCare,
        ),
        (
            s.col_containing(&["care leavers"], &["in care and"]),
            Judgement::CareLeavers,
        ),
    ];
    let mut out = Vec::new();
    for (i, r) in s.rows.iter().enumerate() {
        let get = |c: usize| r.get(c).map(|v| v.trim()).unwrap_or("");
        if r.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let header = |c: usize| s.headers.get(c).cloned().unwrap_or_default();
        let code_v = get(code).to_string();
        if code_v.is_empty() {
            // Notes and totals under the table.
            continue;
        }
        let framework = match kind.map(get).unwrap_or("") {
            "" => Framework::Ilacs,
            v => parse_activity(v).ok_or_else(|| {
                cell_err(s, i, &header(kind.unwrap_or(0)), v, "an inspection type (standard, short, focused visit, monitoring visit, JTAI, SIF)")
            })?,
        };
        let mut ins = blank_inspection(framework, &s.file);
        ins.start = date_cell(s, i, &header(start), get(start))?;
        if let Some(c) = end {
            ins.end = date_cell(s, i, &header(c), get(c))?;
        }
        if let Some(c) = publ {
            ins.published = date_cell(s, i, &header(c), get(c))?;
        }
        ins.lead_inspector = inspector
            .map(get)
            .filter(|v| !v.is_empty())
            .map(String::from);
        for (c, j) in grades {
            let Some(c) = c else { continue };
            let v = get(c);
            // Blank, "-", "N/A" and "Not applicable": no judgement of that kind.
            if v.is_empty()
                || v == "-"
                || v.eq_ignore_ascii_case("n/a")
                || norm(v).starts_with("not ")
            {
                continue;
            }
            let g = Grade::parse(v).ok_or_else(|| cell_err(s, i, &header(c), v, "a grade"))?;
            ins.grades.insert(j, g);
        }
        let (la_code, urn) = if is_la_code(&code_v) {
            (Some(code_v), None)
        } else {
            (None, None)
        };
        let name_v = name.map(get).unwrap_or("").to_string();
        let mut row = Row {
            file: s.file.clone(),
            layout: Layout::Official,
            urn,
            la_code,
            name: name_v,
            insp: ins,
            left_out: None,
        };
        if row.la_code.is_none() {
            // An ONS code: matched through the lookup later by name if not by code.
            row.urn = None;
            row.name = if row.name.is_empty() {
                get(code).to_string()
            } else {
                row.name
            };
        }
        out.push(row);
    }
    Ok(out)
}

fn parse_activity(v: &str) -> Option<Framework> {
    let n = norm(v);
    Framework::parse(&n).or_else(|| {
        Some(if n.contains("focused") {
            Framework::FocusedVisit
        } else if n.contains("monitoring") {
            Framework::MonitoringVisit
        } else if n.contains("joint targeted") || n.contains("jtai") {
            Framework::Jtai
        } else if n.contains("short") {
            Framework::IlacsShort
        } else if n.contains("standard") {
            Framework::IlacsStandard
        } else if n.contains("single inspection") || n == "sif" {
            Framework::Sif
        } else if n.contains("ilacs") {
            Framework::Ilacs
        } else {
            return None;
        })
    })
}

fn title_case(s: &str) -> String {
    if s.chars().any(|c| c.is_uppercase()) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a known-error fix does.
#[derive(Debug, Clone, Copy)]
enum Change {
    Grade(Judgement, Grade),
    Dates(&'static str, &'static str),
    Framework(Framework),
    Inspector(&'static str),
    Flag(&'static str),
}

/// A known error in the public files, by LA and publication date.
struct Fix {
    layouts: &'static [Layout],
    la_code: &'static str,
    published: &'static str,
    change: Change,
    kind: NoteKind,
    reason: &'static str,
}

const SCRAPED: &[Layout] = &[Layout::History, Layout::Overview, Layout::GitVersions];

/// The known errors of data/README.md and spec §1.3/§2, each with its reason.
static FIXES: &[Fix] = &[
    Fix {
        layouts: SCRAPED,
        la_code: "892",
        published: "2019-01-07",
        change: Change::Grade(Judgement::HelpAndProtection, Grade::RequiresImprovement),
        kind: NoteKind::Corrected,
        reason: "the scraper wrote \"to requires improvement\"; the report grades every judgement Requires improvement to be good",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "892",
        published: "2019-01-07",
        change: Change::Grade(Judgement::Overall, Grade::RequiresImprovement),
        kind: NoteKind::Corrected,
        reason: "blank in the scraped file; the report gives overall effectiveness Requires improvement to be good",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "882",
        published: "2019-08-27",
        change: Change::Flag("help and protection, overall (and care leavers) unread: \"to requires improvement\" / blank"),
        kind: NoteKind::Flagged,
        reason: "a known scraper error (D2I README); the report was not available to correct it, so the grades are left blank",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "892",
        published: "2022-09-05",
        change: Change::Dates("2022-07-11", "2022-07-22"),
        kind: NoteKind::Corrected,
        reason: "blank in the scraped file (the report's singular \"Inspection date:\" line defeats the scraper); dates from the report",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "892",
        published: "2022-09-05",
        change: Change::Framework(Framework::IlacsStandard),
        kind: NoteKind::Corrected,
        reason: "blank in the scraped file; the report is a standard inspection",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "892",
        published: "2022-09-05",
        change: Change::Inspector("Andy Waugh"),
        kind: NoteKind::Corrected,
        reason: "lead inspector as printed in the report",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "807",
        published: "2022-09-22",
        change: Change::Flag("inspection dates and framework blank"),
        kind: NoteKind::Flagged,
        reason: "a known scraper error; the era is taken from the publication date",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "846",
        published: "2024-05-16",
        change: Change::Flag("inspection dates and framework blank"),
        kind: NoteKind::Flagged,
        reason: "a known scraper error; the era is taken from the publication date",
    },
    Fix {
        layouts: SCRAPED,
        la_code: "865",
        published: "2019-07-22",
        change: Change::Framework(Framework::IlacsStandard),
        kind: NoteKind::Corrected,
        reason: "\"inspection duration longer than standard framework\" is the scraper's note on a long standard inspection",
    },
];

/// LA lookup fixes.
struct LaFix {
    la_code: &'static str,
    field: &'static str,
    value: &'static str,
    reason: &'static str,
}

static LA_FIXES: &[LaFix] = &[
    LaFix {
        la_code: "370",
        field: "ons_code",
        value: "E08000038",
        reason: "Barnsley's code since April 2025 (Barnsley and Sheffield (Boundary Change) Order); the lookup has the old E08000016",
    },
    LaFix {
        la_code: "373",
        field: "ons_code",
        value: "E08000039",
        reason: "Sheffield's code since April 2025 (Barnsley and Sheffield (Boundary Change) Order); the lookup has the old E08000019",
    },
    LaFix {
        la_code: "887",
        field: "region_code",
        value: "SE",
        reason: "region_code blank in the lookup (its region_name is South East)",
    },
];

/// Lets the report module build rows without seeing the private type.
pub(crate) fn empty_inspection(framework: Framework, file: &str) -> Inspection {
    blank_inspection(framework, file)
}
