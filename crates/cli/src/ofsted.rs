//! `sightline ofsted` (the outcomes register and the report reader) and `sightline plan`
//! (the improvement plan: findings, actions, linked indicators, committee exports).

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use ofsted::export::{self, Trend};
use ofsted::plan::{FindingKind, Plan, Rag, Status};
use ofsted::{Inspection, Judgement, Register, Report};
use store::ofsted::{ActionUpdate, NewAction, NewFinding};

#[derive(Subcommand)]
pub enum OfstedCommand {
    /// Import Ofsted outcome files into the register, all or nothing: the LA lookup, the
    /// ILACS history, overview (.xlsx/.csv) and overview versions, the SIF judgements, and
    /// Ofsted's "LA inspection outcomes" spreadsheet (.ods/.xlsx). Files are recognised by
    /// their columns; a file of the same name replaces the stored one. Known errors in the
    /// files are listed as "corrected" or "flagged".
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// An LA's full inspection history, its current grades beside its statistical
    /// neighbours and region.
    Show {
        /// DfE code (372), Ofsted URN (80543), ONS code or name.
        #[arg(long)]
        la: String,
        #[arg(long, default_value = "table")]
        format: Format,
    },
    /// The national distribution of current grades (each LA's latest graded inspection).
    National {
        #[arg(long, default_value = "table")]
        format: Format,
    },
    /// Read an inspection report or visit letter (.pdf or .txt): LA, activity, dates,
    /// inspectors, judgements, improvement items and priority actions.
    Read {
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Also add it to the register.
        #[arg(long)]
        add: bool,
    },
    /// The stored Ofsted files and what the register's import noted about them.
    Files,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Add a finding typed in, or every item of a report (--from-report FILE).
    AddFinding {
        /// DfE LA code, URN or name (resolved through the register when it has been imported).
        #[arg(long)]
        la: String,
        #[arg(
            long,
            required_unless_present = "from_report",
            conflicts_with = "from_report"
        )]
        text: Option<String>,
        /// National framework tag, e.g. "Outcome 4, national framework".
        #[arg(long)]
        tag: Option<String>,
        /// improvement or priority-action.
        #[arg(long, default_value = "improvement")]
        kind: String,
        /// A report or letter (.pdf/.txt): each improvement item and priority action becomes
        /// a finding.
        #[arg(long)]
        from_report: Option<PathBuf>,
    },
    /// Add an action to a finding.
    AddAction {
        #[arg(long)]
        finding: i64,
        #[arg(long)]
        description: String,
        #[arg(long)]
        owner: String,
        /// yyyy-mm-dd.
        #[arg(long)]
        due: NaiveDate,
        /// not-started, in-progress, blocked, complete.
        #[arg(long, default_value = "not-started")]
        status: String,
        /// red, amber or green, set by hand (default: the RAG rule decides).
        #[arg(long)]
        rag: Option<String>,
        /// Indicator id from `sightline indicators --list` (repeatable).
        #[arg(long = "indicator")]
        indicators: Vec<String>,
    },
    /// Change an action: status, RAG, owner, due date, description, indicators; add evidence.
    UpdateAction {
        id: i64,
        #[arg(long)]
        status: Option<String>,
        /// red, amber, green, or auto (back to the RAG rule).
        #[arg(long)]
        rag: Option<String>,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long)]
        due: Option<NaiveDate>,
        #[arg(long)]
        description: Option<String>,
        /// An evidence note to add.
        #[arg(long)]
        evidence: Option<String>,
        /// A link for the evidence note.
        #[arg(long, requires = "evidence")]
        link: Option<String>,
        /// Replaces the linked indicators (repeatable).
        #[arg(long = "indicator")]
        indicators: Vec<String>,
    },
    /// The plan: findings, their actions, RAG, overdue flags and linked indicators' trends.
    Show {
        #[arg(long)]
        la: Option<String>,
        /// The day overdue and RAG are judged on (default today).
        #[arg(long)]
        today: Option<NaiveDate>,
    },
    /// Export the plan for the committee: an xlsx workbook or a printable HTML page.
    Export {
        #[arg(long)]
        format: ExportFormat,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        la: Option<String>,
        #[arg(long)]
        today: Option<NaiveDate>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    Xlsx,
    Html,
}

pub fn run_ofsted(database: &str, cmd: OfstedCommand) -> Result<()> {
    let rt = crate::runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        match cmd {
            OfstedCommand::Import { files } => {
                let mut read = Vec::new();
                for p in &files {
                    let b = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
                    read.push((p.display().to_string(), b));
                }
                let (summaries, reg) = store.import_ofsted(&read).await?;
                for s in &summaries {
                    println!("{}: {}, {} rows", s.name, s.layout.label(), s.rows);
                }
                print_notes(&reg);
                println!(
                    "Register: {} LAs, {} inspections and visits.",
                    reg.las.len(),
                    reg.inspections.len()
                );
            }
            OfstedCommand::Files => {
                for f in store.ofsted_files().await? {
                    println!(
                        "{:<48} {:<12} {:>5} rows  imported {}  sha256 {}",
                        f.name, f.layout, f.rows, f.imported_at, f.sha256
                    );
                }
                let reg = store.ofsted_register().await?;
                print_notes(&reg);
            }
            OfstedCommand::Show { la, format } => {
                let reg = register(&store).await?;
                show(&reg, &la, format)?;
            }
            OfstedCommand::National { format } => {
                let reg = register(&store).await?;
                national(&reg, format)?;
            }
            OfstedCommand::Read { file, json, add } => {
                let name = file.display().to_string();
                let bytes = std::fs::read(&file).with_context(|| format!("reading {name}"))?;
                let r = ofsted::report::read(&name, &bytes)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&r)?);
                } else {
                    print!("{}", report_text(&r));
                }
                if add {
                    let (_, reg) = store.add_ofsted_report(&name, &r).await?;
                    let la = reg.la(&r.la_name).map(|l| l.la_code.clone());
                    match la {
                        Some(code) => println!("Added to the register under LA {code}."),
                        None => println!(
                            "Stored, but its LA is in no imported lookup: import Provider_data_lookup.csv to place it."
                        ),
                    }
                }
            }
        }
        Ok(())
    })
}

async fn register(store: &store::Store) -> Result<Register> {
    let reg = store.ofsted_register().await?;
    if reg.las.is_empty() {
        bail!("no Ofsted data in the store: run `sightline ofsted import FILE...` first");
    }
    Ok(reg)
}

fn print_notes(reg: &Register) {
    let corrected = reg
        .notes
        .iter()
        .filter(|n| n.kind == ofsted::NoteKind::Corrected)
        .count();
    println!(
        "{} notes on known errors: {corrected} corrected, {} flagged",
        reg.notes.len(),
        reg.notes.len() - corrected
    );
    for n in &reg.notes {
        println!("  {n}");
    }
}

fn g(i: Option<&Inspection>, j: Judgement) -> String {
    i.and_then(|i| i.grade(j))
        .map(|g| g.short().to_string())
        .unwrap_or_else(|| "-".into())
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

fn show(reg: &Register, key: &str, format: Format) -> Result<()> {
    let Some(la) = reg.la(key) else {
        bail!("no LA {key:?} in the register (give a DfE code, URN, ONS code or name)");
    };
    let history = reg.history(&la.la_code);
    if let Format::Json = format {
        let comps = reg.comparators(&la.la_code);
        let current = |v: &[(&ofsted::La, Option<&Inspection>)]| {
            v.iter()
                .map(|(l, i)| serde_json::json!({"la_code": l.la_code, "name": l.name, "current": i}))
                .collect::<Vec<_>>()
        };
        let v = serde_json::json!({
            "la": la, "history": history,
            "neighbours": current(&comps.neighbours), "region": current(&comps.region),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!(
        "{} — DfE {}, URN {}, ONS {}, region {}",
        la.name,
        la.la_code,
        la.urn.as_deref().unwrap_or("-"),
        la.ons_code.as_deref().unwrap_or("-"),
        la.region_name
            .as_deref()
            .or(la.region_code.as_deref())
            .unwrap_or("-")
    );
    println!("Grades: O outstanding, G good, RI requires improvement (to be good), I inadequate.");
    println!(
        "{:<11} {:<11} {:<17} {:<22} {:>3} {:>3} {:>3} {:>3} {:>3} {:>3}  judgements",
        "start", "published", "activity", "lead inspector", "OE", "LDR", "H&P", "CiC", "CL", "LSC"
    );
    for i in history.iter().copied() {
        let cic = if i.grade(Judgement::InCareAndCareLeavers).is_some() {
            g(Some(i), Judgement::InCareAndCareLeavers) + "*"
        } else if i.framework.is_sif() {
            g(Some(i), Judgement::LookedAfterPermanence)
        } else {
            g(Some(i), Judgement::InCare)
        };
        let ldr = if i.framework.is_sif() {
            g(Some(i), Judgement::LeadershipManagementGovernance)
        } else {
            g(Some(i), Judgement::Leaders)
        };
        let extra = if i.framework.is_sif() {
            format!("adoption {}", g(Some(i), Judgement::Adoption))
        } else {
            i.era.map(|e| e.label().to_string()).unwrap_or_default()
        };
        println!(
            "{:<11} {:<11} {:<17} {:<22} {:>3} {:>3} {:>3} {:>3} {:>3} {:>3}  {extra}",
            date(i.start),
            date(i.published),
            i.framework.label(),
            i.lead_inspector.as_deref().unwrap_or("-"),
            g(Some(i), Judgement::Overall),
            ldr,
            g(Some(i), Judgement::HelpAndProtection),
            cic,
            g(Some(i), Judgement::CareLeavers),
            g(Some(i), Judgement::Lscb),
        );
        for item in &i.priority_actions {
            println!("    priority action: {}", item.text);
        }
        for item in &i.improvements {
            match &item.tag {
                Some(t) => println!("    to improve: {} ({t})", item.text),
                None => println!("    to improve: {}", item.text),
            }
        }
        if let Some(w) = i.overall_warning() {
            println!("    check: {w}");
        }
    }
    println!("(* children in care and care leavers, one judgement before 2023; SIF: CiC is looked after and permanence, LDR leadership, management and governance)");
    let comps = reg.comparators(&la.la_code);
    let la_row = (la, reg.current(&la.la_code));
    let mut sn = vec![la_row];
    sn.extend(comps.neighbours.iter().cloned());
    grade_table(
        "Statistical neighbours (the LA first), current grades:",
        &sn,
    );
    grade_table(
        &format!(
            "Region {}, current grades:",
            la.region_name
                .as_deref()
                .or(la.region_code.as_deref())
                .unwrap_or("-")
        ),
        &comps.region,
    );
    Ok(())
}

fn grade_table(title: &str, v: &[(&ofsted::La, Option<&Inspection>)]) {
    println!("\n{title}");
    println!(
        "{:<32} {:>5} {:<11} {:>3} {:>3} {:>3} {:>3} {:>3}",
        "LA", "code", "start", "OE", "LDR", "H&P", "CiC", "CL"
    );
    let mut counts = [0usize; 5];
    for (l, i) in v {
        let cic = if i.is_some_and(|i| i.grade(Judgement::InCareAndCareLeavers).is_some()) {
            g(*i, Judgement::InCareAndCareLeavers) + "*"
        } else {
            g(*i, Judgement::InCare)
        };
        match i.and_then(|i| i.grade(Judgement::Overall)) {
            Some(x) => counts[x as usize] += 1,
            None => counts[4] += 1,
        }
        println!(
            "{:<32} {:>5} {:<11} {:>3} {:>3} {:>3} {:>3} {:>3}",
            l.name,
            l.la_code,
            date(i.and_then(|i| i.start.or(i.published))),
            g(*i, Judgement::Overall),
            g(*i, Judgement::Leaders),
            g(*i, Judgement::HelpAndProtection),
            cic,
            g(*i, Judgement::CareLeavers),
        );
    }
    println!(
        "overall: {} outstanding, {} good, {} requires improvement, {} inadequate, {} none",
        counts[0], counts[1], counts[2], counts[3], counts[4]
    );
}

fn national(reg: &Register, format: Format) -> Result<()> {
    let dist = reg.distribution();
    if let Format::Json = format {
        let v: serde_json::Map<String, serde_json::Value> = dist
            .iter()
            .map(|(j, c)| {
                (
                    j.id().to_string(),
                    serde_json::json!({"outstanding": c[0], "good": c[1], "requires_improvement": c[2], "inadequate": c[3], "none": c[4]}),
                )
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(());
    }
    println!("Current grades of English LAs (each LA's latest graded inspection):");
    println!(
        "{:<36} {:>11} {:>6} {:>11} {:>10} {:>6}",
        "judgement", "outstanding", "good", "req. impr.", "inadequate", "none"
    );
    for (j, c) in &dist {
        println!(
            "{:<36} {:>11} {:>6} {:>11} {:>10} {:>6}",
            j.label(),
            c[0],
            c[1],
            c[2],
            c[3],
            c[4]
        );
    }
    println!("(none: no such judgement at that inspection — e.g. no overall from April 2026, care leavers separate from 2023)");
    Ok(())
}

fn report_text(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "LA: {}", r.la_name);
    let _ = writeln!(
        s,
        "Activity: {}{}",
        r.activity.label(),
        r.era
            .map(|e| format!(" ({})", e.label()))
            .unwrap_or_default()
    );
    let _ = writeln!(s, "Inspection dates: {} to {}", date(r.start), date(r.end));
    if let Some(p) = r.published {
        let _ = writeln!(s, "Published: {p}");
    }
    let _ = writeln!(
        s,
        "Lead inspector: {}",
        r.lead_inspector.as_deref().unwrap_or("-")
    );
    if !r.team.is_empty() {
        let _ = writeln!(s, "Team: {}", r.team.join(", "));
    }
    for (j, gr) in &r.grades {
        let _ = writeln!(s, "{}: {}", j.label(), gr.label_in(r.era));
    }
    for (title, items) in [
        ("Priority actions", &r.priority_actions),
        ("What needs to improve", &r.improvements),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{title} ({}):", items.len());
        for (k, i) in items.iter().enumerate() {
            match &i.tag {
                Some(t) => {
                    let _ = writeln!(s, "  {}. {} ({t})", k + 1, i.text);
                }
                None => {
                    let _ = writeln!(s, "  {}. {}", k + 1, i.text);
                }
            }
        }
    }
    for w in &r.warnings {
        let _ = writeln!(s, "Warning: {w}");
    }
    s
}

/// The LA code for a plan: through the register when imported, else a three-digit code as given.
async fn la_code(store: &store::Store, key: &str) -> Result<String> {
    let reg = store.ofsted_register().await?;
    if let Some(l) = reg.la(key) {
        return Ok(l.la_code.clone());
    }
    if key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(key.to_string());
    }
    bail!("no LA {key:?}: give a DfE LA code, or import the Ofsted register to use names and URNs")
}

fn status(s: &str) -> Result<Status> {
    Status::parse(s).with_context(|| {
        format!("{s:?} is not a status (not-started, in-progress, blocked, complete)")
    })
}

fn rag(s: &str) -> Result<Rag> {
    Rag::parse(s).with_context(|| format!("{s:?} is not a RAG colour (red, amber, green)"))
}

/// A linked indicator's direction from the DfE published figures: the LA's latest year
/// against the year before (the CLI has no computed snapshot to hand; the web app uses the
/// live monthly series).
fn trends(set: &indicators::benchmarks::BenchmarkSet, la: &str, ids: &[String]) -> Vec<Trend> {
    use indicators::benchmarks::compare;
    use indicators::Polarity;
    ids.iter()
        .map(|id| {
            let Some(ind) = indicators::catalogue().iter().find(|i| i.id == id) else {
                return Trend {
                    text: format!("{id}: unknown"),
                    worsening: false,
                };
            };
            let Some(twin) = ind.twin else {
                return Trend {
                    text: format!("{id}: no published figure (see `sightline indicators`)"),
                    worsening: false,
                };
            };
            let Some(year) = set.latest_year() else {
                return Trend {
                    text: format!("{id}: no benchmarks imported"),
                    worsening: false,
                };
            };
            let now = compare(set, &twin, ind.polarity, la, year, None);
            let Some(c) = now.filter(|c| c.la_published.is_some()) else {
                return Trend {
                    text: format!("{id}: no published figure for LA {la}"),
                    worsening: false,
                };
            };
            let v = c.la_published.unwrap_or_default();
            let prev = compare(set, &twin, ind.polarity, la, c.year - 1, None)
                .filter(|p| p.year == c.year - 1)
                .and_then(|p| p.la_published);
            let (arrow, worse) = match prev {
                None => ("", false),
                Some(p) if (v - p).abs() < 1e-9 => (" → no change", false),
                Some(p) => {
                    let up = v > p;
                    let better = match ind.polarity {
                        Polarity::HigherIsBetter => Some(up),
                        Polarity::LowerIsBetter => Some(!up),
                        Polarity::Neutral => None,
                    };
                    match (up, better) {
                        (true, Some(true)) => (" ↑ improving", false),
                        (false, Some(true)) => (" ↓ improving", false),
                        (true, Some(false)) => (" ↑ worsening", true),
                        (false, Some(false)) => (" ↓ worsening", true),
                        (true, None) => (" ↑", false),
                        (false, None) => (" ↓", false),
                    }
                }
            };
            let prev_s = prev
                .map(|p| format!(" (from {p:.1} in {})", c.year - 1))
                .unwrap_or_default();
            Trend {
                text: format!("{id}: {v:.1} in {}{prev_s}{arrow}", c.year),
                worsening: worse,
            }
        })
        .collect()
}

pub fn run_plan(database: &str, cmd: PlanCommand) -> Result<()> {
    let rt = crate::runtime()?;
    rt.block_on(async {
        let store = store::Store::open(database).await?;
        match cmd {
            PlanCommand::AddFinding {
                la,
                text,
                tag,
                kind,
                from_report,
            } => {
                let code = la_code(&store, &la).await?;
                let added = if let Some(path) = from_report {
                    let name = path.display().to_string();
                    let bytes = std::fs::read(&path).with_context(|| format!("reading {name}"))?;
                    let r = ofsted::report::read(&name, &bytes)?;
                    let source = format!(
                        "{} {} ({})",
                        r.activity.label(),
                        date(r.start),
                        path.file_name()
                            .map(|f| f.to_string_lossy().to_string())
                            .unwrap_or_default()
                    );
                    let mut new = Vec::new();
                    for (kind, items) in [
                        (FindingKind::PriorityAction, &r.priority_actions),
                        (FindingKind::Improvement, &r.improvements),
                    ] {
                        for i in items {
                            new.push(NewFinding {
                                la_code: &code,
                                kind,
                                text: &i.text,
                                tag: i.tag.as_deref(),
                                source: &source,
                            });
                        }
                    }
                    if new.is_empty() {
                        bail!("{name}: no improvement items or priority actions to add");
                    }
                    store.add_findings(&new).await?
                } else {
                    let kind = FindingKind::parse(&kind).with_context(|| {
                        format!("{kind:?} is not a finding kind (improvement, priority-action)")
                    })?;
                    store
                        .add_findings(&[NewFinding {
                            la_code: &code,
                            kind,
                            text: text.as_deref().unwrap_or(""),
                            tag: tag.as_deref(),
                            source: "typed in",
                        }])
                        .await?
                };
                for f in added {
                    println!("finding {}: {}", f.id, f.text);
                }
            }
            PlanCommand::AddAction {
                finding,
                description,
                owner,
                due,
                status: st,
                rag: r,
                indicators,
            } => {
                let a = store
                    .add_action(&NewAction {
                        finding_id: finding,
                        description: &description,
                        owner: &owner,
                        due,
                        status: status(&st)?,
                        rag_override: r.as_deref().map(rag).transpose()?,
                        indicators: &indicators,
                    })
                    .await?;
                println!("action {} added to finding {}", a.id, a.finding_id);
            }
            PlanCommand::UpdateAction {
                id,
                status: st,
                rag: r,
                owner,
                due,
                description,
                evidence,
                link,
                indicators,
            } => {
                let rag_override = match r.as_deref() {
                    None => None,
                    Some("auto") => Some(None),
                    Some(x) => Some(Some(rag(x)?)),
                };
                store
                    .update_action(
                        id,
                        &ActionUpdate {
                            description: description.as_deref(),
                            owner: owner.as_deref(),
                            due,
                            status: st.as_deref().map(status).transpose()?,
                            rag_override,
                            evidence: evidence.as_deref().map(|e| (e, link.as_deref())),
                            indicators: (!indicators.is_empty()).then_some(&indicators[..]),
                        },
                    )
                    .await?;
                println!("action {id} updated");
            }
            PlanCommand::Show { la, today } => {
                let (plan, set, today) = load(&store, la.as_deref(), today).await?;
                print!("{}", export::text(&plan, &lines(&plan, &set, today), today));
            }
            PlanCommand::Export {
                format,
                out,
                la,
                today,
            } => {
                let (plan, set, today) = load(&store, la.as_deref(), today).await?;
                let ls = lines(&plan, &set, today);
                let bytes = match format {
                    ExportFormat::Xlsx => export::xlsx(&plan, &ls, today)?,
                    ExportFormat::Html => {
                        export::html(&plan, &ls, today, Default::default()).into_bytes()
                    }
                };
                std::fs::write(&out, bytes)
                    .with_context(|| format!("writing {}", out.display()))?;
                println!("Wrote {}", out.display());
            }
        }
        Ok(())
    })
}

fn lines<'a>(
    plan: &'a Plan,
    set: &indicators::benchmarks::BenchmarkSet,
    today: NaiveDate,
) -> Vec<(usize, export::Line<'a>)> {
    export::lines(plan, today, |f, a| trends(set, &f.la_code, &a.indicators))
}

async fn load(
    store: &store::Store,
    la: Option<&str>,
    today: Option<NaiveDate>,
) -> Result<(Plan, indicators::benchmarks::BenchmarkSet, NaiveDate)> {
    let code = match la {
        Some(k) => Some(la_code(store, k).await?),
        None => None,
    };
    let plan = store.plan(code.as_deref()).await?;
    let set = store.benchmarks().await?;
    Ok((
        plan,
        set,
        today.unwrap_or_else(|| chrono::Utc::now().date_naive()),
    ))
}
