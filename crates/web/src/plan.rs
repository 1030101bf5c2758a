//! The improvement plan (issue 9): findings → actions (owner, due date, status, RAG, evidence)
//! → linked indicators, each shown with its live 24-month trend from the computed snapshot.
//! Everyone signed in reads it ([`Action::ViewPlan`]); analysts and administrators edit it
//! ([`Action::EditPlan`]), and every edit is written to the audit log under their name (the
//! plan's tables have no column for who changed what). The plan holds no child data, so reading
//! it is not audited. Exports (xlsx, printable page) are `ofsted::export`'s, shared with the CLI.

// A refusal is a whole page: returning it as the error of a Result is the point.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use chrono::NaiveDate;
use indicators::{Figure, Polarity};
use ofsted::export::{self, Trend};
use ofsted::plan::{Action as PlanAction, FindingKind, Plan, Rag, Status};
use store::ofsted::{ActionUpdate, NewAction, NewFinding};

use crate::auth::{Need, PlanEdit, PlanView, SignedIn};
use crate::cache::Computed;
use crate::pages::{self, internal, render, Layout};
use crate::policy::Action;
use crate::{svg, Shared};

/// The day overdue and the RAG rule are judged on.
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The authority whose plan is served: the computed snapshot's, else the latest snapshot's.
async fn authority(st: &Shared) -> Result<Option<(String, String)>, Response> {
    if let Some(c) = st.computed() {
        return Ok(Some((
            c.model.la.la_code.clone(),
            c.model.la.la_name.clone(),
        )));
    }
    let Some(id) = st.store.latest_snapshot().await.map_err(internal)? else {
        return Ok(None);
    };
    let s = st.store.snapshot(id).await.map_err(internal)?;
    Ok(Some((s.la.la_code, s.la.la_name)))
}

async fn load_plan(st: &Shared, la: Option<&(String, String)>) -> Result<Plan, Response> {
    st.store
        .plan(la.map(|(code, _)| code.as_str()))
        .await
        .map_err(internal)
}

// ---------------------------------------------------------------- linked indicators

/// A linked indicator as the page shows it.
struct TrendView {
    id: String,
    title: String,
    spark: String,
    latest: String,
    direction: String,
    england: String,
    /// The same, as one line for the exports.
    trend: Trend,
}

/// A figure that may set the RAG colour: never one built on 1–4 records, whoever looks, so
/// the colour is the same for every role and tells nothing a suppressed figure hides.
fn unsuppressed(f: &Figure) -> Option<f64> {
    if f.suppress {
        None
    } else {
        f.value
    }
}

/// An indicator's live trend: the 24 monthly figures of the served snapshot, the latest, the
/// change on a year, and the published England figure where benchmarks are imported.
fn trend(c: Option<&Computed>, id: &str, suppress: bool, n: usize) -> TrendView {
    let title = indicators::catalogue()
        .iter()
        .find(|i| i.id == id)
        .map_or(id, |i| i.title)
        .to_string();
    let Some(d) = c.and_then(|c| c.indicator(id)) else {
        let why = if c.is_some() {
            "not computed for this snapshot"
        } else {
            "figures are being computed"
        };
        return TrendView {
            id: id.into(),
            spark: String::new(),
            latest: String::new(),
            direction: why.into(),
            england: String::new(),
            trend: Trend {
                text: format!("{title}: {why}"),
                worsening: false,
            },
            title,
        };
    };
    let ind = d.ind;
    let values: Vec<Option<f64>> = d
        .series
        .iter()
        .map(|(_, f)| pages::visible(f, suppress))
        .collect();
    let year_ago = |v: &[Option<f64>]| v.len().checked_sub(13).and_then(|i| v[i]);
    let direction = pages::direction(ind, values.last().copied().flatten(), year_ago(&values));
    let latest = d
        .latest()
        .map(|f| pages::fmt_value(ind.unit, f, suppress))
        .unwrap_or_default();
    let raw: Vec<Option<f64>> = d.series.iter().map(|(_, f)| unsuppressed(f)).collect();
    let worsening = match (raw.last().copied().flatten(), year_ago(&raw)) {
        (Some(now), Some(before)) => match ind.polarity {
            Polarity::HigherIsBetter => now < before - 1e-9,
            Polarity::LowerIsBetter => now > before + 1e-9,
            Polarity::Neutral => false,
        },
        _ => false,
    };
    let england = d
        .benchmark
        .as_ref()
        .and_then(|b| {
            b.england
                .map(|e| format!("England {} ({})", pages::fmt_unit(ind.unit, e), b.year))
        })
        .unwrap_or_default();
    let as_at = d
        .series
        .last()
        .map(|(p, _)| p.to_string())
        .unwrap_or_default();
    let mut text = format!("{}: {latest} at {as_at}; {direction}", ind.title);
    if !england.is_empty() {
        text.push_str(&format!("; {england}"));
    }
    TrendView {
        id: id.into(),
        spark: svg::sparkline(
            &format!("plan-spark-{n}"),
            &format!("{}: 24-month trend", ind.title),
            &values,
        ),
        latest,
        direction,
        england,
        trend: Trend { text, worsening },
        title,
    }
}

// ---------------------------------------------------------------- forms

/// A submitted form, as its pairs (checkboxes repeat their name).
struct Fields(Vec<(String, String)>);

impl Fields {
    fn get(&self, k: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim())
    }
    fn text(&self, k: &str) -> String {
        self.get(k).unwrap_or("").to_string()
    }
    fn all(&self, k: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }
}

/// Accepts 2027-03-31 or 31/3/2027.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

fn parse_rag(s: &str) -> Option<Option<Rag>> {
    match s {
        "" | "auto" => Some(None),
        x => Rag::parse(x).map(Some),
    }
}

const MAX_TEXT: usize = 4000;

/// The errors of one submitted form: (field, message), in the order of the form.
#[derive(Default)]
struct Errors(Vec<(&'static str, String)>);

impl Errors {
    fn add(&mut self, field: &'static str, msg: impl Into<String>) {
        self.0.push((field, msg.into()));
    }
    fn required(&mut self, f: &Fields, field: &'static str, what: &str) {
        let v = f.get(field).unwrap_or("");
        if v.is_empty() {
            self.add(field, format!("Enter {what}"));
        } else if v.chars().count() > MAX_TEXT {
            self.add(
                field,
                format!("{what} must be {MAX_TEXT} characters or fewer"),
            );
        }
    }
    fn date(&mut self, f: &Fields, field: &'static str) -> Option<NaiveDate> {
        let v = f.get(field).unwrap_or("");
        let d = parse_date(v);
        if d.is_none() {
            self.add(
                field,
                if v.is_empty() {
                    "Enter the due date".to_string()
                } else {
                    format!("Enter the due date as a real date, for example 2027-03-31 (not {v:?})")
                },
            );
        }
        d
    }
    fn indicators(&mut self, ids: &[String]) {
        for id in ids {
            if !indicators::catalogue().iter().any(|i| i.id == id) {
                self.add(
                    "indicator",
                    format!("{id:?} is not an indicator in the catalogue"),
                );
            }
        }
    }
}

/// A form that was refused, to show again with what was typed.
struct Refused {
    /// `finding`, `action-{finding}` or `update-{action}`.
    form: String,
    fields: Fields,
    errors: Errors,
}

/// The values of an action form: the action's own, or what was typed.
struct ActionForm {
    /// Element ids start with this: `action-{finding}` or `update-{action}`.
    form: String,
    open: bool,
    description: String,
    owner: String,
    due: String,
    status: String,
    rag: String,
    note: String,
    link: String,
    indicators: Vec<(&'static str, &'static str, bool)>,
    errors: Vec<(&'static str, String)>,
}

impl ActionForm {
    fn new(form: String, a: Option<&PlanAction>, refused: Option<&Refused>) -> ActionForm {
        let mine = refused.filter(|r| r.form == form);
        let chosen: Vec<String> = match (mine, a) {
            (Some(r), _) => r.fields.all("indicator"),
            (None, Some(a)) => a.indicators.clone(),
            (None, None) => vec![],
        };
        let pick = |k: &str, current: String| match mine {
            Some(r) => r.fields.get(k).map(String::from).unwrap_or(current),
            None => current,
        };
        ActionForm {
            open: mine.is_some(),
            description: pick(
                "description",
                a.map(|a| a.description.clone()).unwrap_or_default(),
            ),
            owner: pick("owner", a.map(|a| a.owner.clone()).unwrap_or_default()),
            due: pick("due", a.map(|a| a.due.to_string()).unwrap_or_default()),
            status: pick(
                "status",
                a.map_or(Status::NotStarted, |a| a.status).id().to_string(),
            ),
            rag: pick(
                "rag",
                a.and_then(|a| a.rag_override)
                    .map_or("auto", |r| r.id())
                    .to_string(),
            ),
            note: pick("note", String::new()),
            link: pick("link", String::new()),
            indicators: indicators::catalogue()
                .iter()
                .map(|i| (i.id, i.title, chosen.iter().any(|c| c == i.id)))
                .collect(),
            errors: mine.map(|r| r.errors.0.clone()).unwrap_or_default(),
            form,
        }
    }

    /// The message for a field, if it was refused.
    fn err(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

// ---------------------------------------------------------------- the page

struct EvidenceView {
    at: String,
    note: String,
    link: String,
    href: bool,
}

struct ActionView {
    id: i64,
    description: String,
    owner: String,
    due: String,
    status: &'static str,
    rag: &'static str,
    rag_label: &'static str,
    by_hand: bool,
    /// "overdue by N days" when it is.
    overdue: Option<String>,
    evidence: Vec<EvidenceView>,
    trends: Vec<TrendView>,
    edit: ActionForm,
}

struct FindingView {
    id: i64,
    kind: &'static str,
    text: String,
    tag: String,
    source: String,
    actions: Vec<ActionView>,
    new_action: ActionForm,
}

/// An inspection in the Ofsted register whose items can become findings.
struct RegisterView {
    index: usize,
    label: String,
    items: usize,
    added: bool,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    layout: Layout,
    la_name: String,
    today: String,
    as_at: String,
    suppress: bool,
    counts: (usize, usize, usize),
    can_edit: bool,
    no_authority: bool,
    csrf: String,
    findings: Vec<FindingView>,
    finding_kind: String,
    finding_text: String,
    finding_tag: String,
    finding_errors: Vec<(&'static str, String)>,
    /// Every refused field, for the summary: (element id, message).
    summary: Vec<(String, String)>,
    statuses: Vec<(&'static str, &'static str)>,
    rags: Vec<(&'static str, &'static str)>,
    register: Vec<RegisterView>,
    register_note: String,
}

impl PlanPage {
    fn finding_err(&self, field: &str) -> Option<&str> {
        self.finding_errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

fn kind_label(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Improvement => "What needs to improve",
        FindingKind::PriorityAction => "Area for priority action",
    }
}

fn register_source(i: &ofsted::Inspection) -> String {
    let when = i
        .date()
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".into());
    format!("{} {when} (Ofsted register)", i.framework.label())
}

/// The plan page; `refused` is a form to show again with its errors (status 400).
async fn plan_page(st: &Shared, who: &SignedIn, refused: Option<Refused>) -> Response {
    let la = match authority(st).await {
        Ok(la) => la,
        Err(r) => return r,
    };
    let plan = match load_plan(st, la.as_ref()).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let c = st.computed();
    let suppress = who.suppress();
    let today = today();
    let can_edit = who.can(Action::EditPlan) && la.is_some();
    let refused = refused.as_ref();
    let mut n = 0;
    let mut views: Vec<Vec<TrendView>> = vec![];
    let ls = export::lines(&plan, today, |_, a| {
        let v: Vec<TrendView> = a
            .indicators
            .iter()
            .map(|id| {
                n += 1;
                trend(c.as_deref(), id, suppress, n)
            })
            .collect();
        let t = v.iter().map(|t| t.trend.clone()).collect();
        views.push(v);
        t
    });
    let mut views = views.into_iter();
    let mut findings: Vec<FindingView> = plan
        .findings
        .iter()
        .map(|f| FindingView {
            id: f.id,
            kind: kind_label(f.kind),
            text: f.text.clone(),
            tag: f.tag.clone().unwrap_or_default(),
            source: f.source.clone(),
            actions: vec![],
            new_action: ActionForm::new(format!("action-{}", f.id), None, refused),
        })
        .collect();
    for (k, l) in &ls {
        let a = l.action;
        findings[*k].actions.push(ActionView {
            id: a.id,
            description: a.description.clone(),
            owner: a.owner.clone(),
            due: a.due.to_string(),
            status: a.status.label(),
            rag: l.rag.id(),
            rag_label: l.rag.label(),
            by_hand: a.rag_override.is_some(),
            overdue: l.overdue.then(|| {
                let days = (today - a.due).num_days();
                format!("overdue by {days} day{}", if days == 1 { "" } else { "s" })
            }),
            evidence: a
                .evidence
                .iter()
                .map(|e| EvidenceView {
                    at: e.at.chars().take(10).collect(),
                    note: e.note.clone(),
                    link: e.link.clone().unwrap_or_default(),
                    href: e.link.as_deref().is_some_and(export::safe_link),
                })
                .collect(),
            trends: views.next().unwrap_or_default(),
            edit: ActionForm::new(format!("update-{}", a.id), Some(a), refused),
        });
    }
    let mut summary = vec![];
    if let Some(r) = refused {
        for (field, msg) in &r.errors.0 {
            let anchor = if *field == "indicator" {
                format!("{}-indicators", r.form)
            } else {
                format!("{}-{field}", r.form)
            };
            summary.push((anchor, msg.clone()));
        }
    }
    let (register, register_note) = if can_edit {
        match register_items(st, la.as_ref(), &plan).await {
            Ok(x) => x,
            Err(r) => return r,
        }
    } else {
        (vec![], String::new())
    };
    let typed = |k: &str, default: &str| match refused.filter(|r| r.form == "finding") {
        Some(r) => r.fields.text(k),
        None => default.to_string(),
    };
    let overdue = ls.iter().filter(|(_, l)| l.overdue).count();
    let mut resp = render(&PlanPage {
        layout: Layout::new("Improvement plan", Some(who)),
        la_name: la.as_ref().map(|l| l.1.clone()).unwrap_or_default(),
        today: today.to_string(),
        as_at: c.as_ref().map(|c| c.as_at.to_string()).unwrap_or_default(),
        suppress,
        counts: (plan.findings.len(), plan.actions.len(), overdue),
        can_edit,
        no_authority: la.is_none(),
        csrf: who.csrf.clone(),
        findings,
        finding_kind: typed("kind", FindingKind::Improvement.id()),
        finding_text: typed("text", ""),
        finding_tag: typed("tag", ""),
        finding_errors: refused
            .filter(|r| r.form == "finding")
            .map(|r| r.errors.0.clone())
            .unwrap_or_default(),
        summary,
        statuses: Status::ALL.iter().map(|s| (s.id(), s.label())).collect(),
        rags: vec![
            ("auto", "Set by the RAG rule"),
            ("red", "Red"),
            ("amber", "Amber"),
            ("green", "Green"),
        ],
        register,
        register_note,
    });
    if refused.is_some() {
        *resp.status_mut() = StatusCode::BAD_REQUEST;
    }
    resp
}

/// The authority's inspections in the Ofsted register that list things to improve.
async fn register_items(
    st: &Shared,
    la: Option<&(String, String)>,
    plan: &Plan,
) -> Result<(Vec<RegisterView>, String), Response> {
    let Some((code, _)) = la else {
        return Ok((vec![], String::new()));
    };
    if st.store.ofsted_files().await.map_err(internal)?.is_empty() {
        return Ok((
            vec![],
            "No Ofsted files are imported (`sightline ofsted import`), so there are no reports \
             to take findings from."
                .into(),
        ));
    }
    let reg = st.store.ofsted_register().await.map_err(internal)?;
    let items: Vec<RegisterView> = reg
        .inspections
        .iter()
        .enumerate()
        .filter(|(_, i)| &i.la_code == code)
        .filter(|(_, i)| !i.improvements.is_empty() || !i.priority_actions.is_empty())
        .map(|(index, i)| {
            let source = register_source(i);
            RegisterView {
                index,
                added: plan.findings.iter().any(|f| f.source == source),
                items: i.improvements.len() + i.priority_actions.len(),
                label: source.trim_end_matches(" (Ofsted register)").to_string(),
            }
        })
        .collect();
    let note = if items.is_empty() {
        "The Ofsted register holds no report with things to improve for this authority.".into()
    } else {
        String::new()
    };
    Ok((items, note))
}

pub async fn page(State(st): State<Shared>, Need(who, _): Need<PlanView>) -> Response {
    plan_page(&st, &who, None).await
}

// ---------------------------------------------------------------- edits

async fn audited(st: &Shared, who: &SignedIn, action: &str, detail: String) -> Option<Response> {
    pages::record_use(st, who, action, None, &detail)
        .await
        .err()
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(80).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

/// The authority edits go to; without a snapshot there is none, and nothing to edit.
async fn editable(st: &Shared, who: &SignedIn) -> Result<String, Response> {
    match authority(st).await? {
        Some((code, _)) => Ok(code),
        None => Err(pages::message(
            StatusCode::CONFLICT,
            "There is no authority yet",
            "Import a snapshot first: the plan belongs to the authority of the served snapshot.",
            Some(who),
        )),
    }
}

/// What every edit of the plan starts from: an analyst or admin ([`PlanEdit`]), the authority
/// edited (refused with 409 when there is no snapshot), and the form's fields.
pub struct Edit {
    who: SignedIn,
    la: String,
    f: Fields,
}

impl FromRequest<Shared> for Edit {
    type Rejection = Response;

    async fn from_request(req: Request, st: &Shared) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let Need(who, _) = Need::<PlanEdit>::from_request_parts(&mut parts, st).await?;
        let la = editable(st, &who).await?;
        let Form(pairs) =
            Form::<Vec<(String, String)>>::from_request(Request::from_parts(parts, body), st)
                .await
                .map_err(IntoResponse::into_response)?;
        Ok(Edit {
            who,
            la,
            f: Fields(pairs),
        })
    }
}

/// `POST /plan/findings`: a finding typed in.
pub async fn add_finding(State(st): State<Shared>, Edit { who, la, f }: Edit) -> Response {
    let mut errors = Errors::default();
    let kind = FindingKind::parse(f.get("kind").unwrap_or(""));
    if kind.is_none() {
        errors.add("kind", "Choose what kind of finding it is");
    }
    errors.required(&f, "text", "the finding");
    if f.get("tag").is_some_and(|t| t.chars().count() > 200) {
        errors.add("tag", "The framework tag must be 200 characters or fewer");
    }
    let (Some(kind), true) = (kind, errors.0.is_empty()) else {
        let refused = Refused {
            form: "finding".into(),
            fields: f,
            errors,
        };
        return plan_page(&st, &who, Some(refused)).await;
    };
    let text = f.text("text");
    let added = st
        .store
        .add_findings(&[NewFinding {
            la_code: &la,
            kind,
            text: &text,
            tag: f.get("tag").filter(|t| !t.is_empty()),
            source: "typed in",
        }])
        .await;
    let id = match added {
        Ok(v) => v.first().map_or(0, |x| x.id),
        Err(e) => return internal(e),
    };
    let detail = format!("finding {id}: {}", short(&text));
    if let Some(r) = audited(&st, &who, "web plan finding added", detail).await {
        return r;
    }
    Redirect::to(&format!("/plan#finding-{id}")).into_response()
}

/// `POST /plan/findings/register`: every item of an inspection in the Ofsted register.
pub async fn add_from_register(State(st): State<Shared>, Edit { who, la, f }: Edit) -> Response {
    let reg = match st.store.ofsted_register().await {
        Ok(r) => r,
        Err(e) => return internal(e),
    };
    let Some(i) = f
        .get("inspection")
        .and_then(|x| x.parse::<usize>().ok())
        .and_then(|k| reg.inspections.get(k))
        .filter(|i| i.la_code == la)
    else {
        return pages::message(
            StatusCode::BAD_REQUEST,
            "That inspection is not in the register",
            "Go back to the plan and choose one of the listed inspections.",
            Some(&who),
        );
    };
    let source = register_source(i);
    let plan = match st.store.plan(Some(&la)).await {
        Ok(p) => p,
        Err(e) => return internal(e),
    };
    if plan.findings.iter().any(|x| x.source == source) {
        return Redirect::to("/plan").into_response();
    }
    let mut new = vec![];
    for (kind, items) in [
        (FindingKind::PriorityAction, &i.priority_actions),
        (FindingKind::Improvement, &i.improvements),
    ] {
        for item in items {
            new.push(NewFinding {
                la_code: &la,
                kind,
                text: &item.text,
                tag: item.tag.as_deref(),
                source: &source,
            });
        }
    }
    let added = match st.store.add_findings(&new).await {
        Ok(v) => v,
        Err(e) => return internal(e),
    };
    let ids: Vec<String> = added.iter().map(|x| x.id.to_string()).collect();
    let detail = format!("findings {} from {source}", ids.join(", "));
    if let Some(r) = audited(&st, &who, "web plan findings added", detail).await {
        return r;
    }
    Redirect::to("/plan").into_response()
}

/// `POST /plan/actions`: an action for a finding.
pub async fn add_action(State(st): State<Shared>, Edit { who, la, f }: Edit) -> Response {
    let plan = match st.store.plan(Some(&la)).await {
        Ok(p) => p,
        Err(e) => return internal(e),
    };
    let Some(finding) = f
        .get("finding")
        .and_then(|x| x.parse::<i64>().ok())
        .filter(|id| plan.findings.iter().any(|x| x.id == *id))
    else {
        return pages::not_found().await;
    };
    let mut errors = Errors::default();
    errors.required(&f, "description", "what will be done");
    errors.required(&f, "owner", "who owns the action");
    let due = errors.date(&f, "due");
    let status = Status::parse(f.get("status").unwrap_or("not_started"));
    if status.is_none() {
        errors.add("status", "Choose a status");
    }
    let rag = parse_rag(f.get("rag").unwrap_or(""));
    if rag.is_none() {
        errors.add("rag", "Choose red, amber, green, or the RAG rule");
    }
    let ids = f.all("indicator");
    errors.indicators(&ids);
    let (Some(due), Some(status), Some(rag), true) = (due, status, rag, errors.0.is_empty()) else {
        let refused = Refused {
            form: format!("action-{finding}"),
            fields: f,
            errors,
        };
        return plan_page(&st, &who, Some(refused)).await;
    };
    let (description, owner) = (f.text("description"), f.text("owner"));
    let added = st
        .store
        .add_action(&NewAction {
            finding_id: finding,
            description: &description,
            owner: &owner,
            due,
            status,
            rag_override: rag,
            indicators: &ids,
        })
        .await;
    let a = match added {
        Ok(a) => a,
        Err(e) => return internal(e),
    };
    let detail = format!(
        "action {} on finding {finding}: {}; owner {owner}, due {due}, {}, indicators [{}]",
        a.id,
        short(&description),
        status.id(),
        ids.join(",")
    );
    if let Some(r) = audited(&st, &who, "web plan action added", detail).await {
        return r;
    }
    Redirect::to(&format!("/plan#action-{}", a.id)).into_response()
}

/// `POST /plan/actions/{id}`: changes to an action. A field left out of the form is left as
/// it is; the indicator checkboxes replace the links when the form says it showed them.
pub async fn update_action(
    State(st): State<Shared>,
    Path(id): Path<i64>,
    Edit { who, la, f }: Edit,
) -> Response {
    let plan = match st.store.plan(Some(&la)).await {
        Ok(p) => p,
        Err(e) => return internal(e),
    };
    let Some(old) = plan.actions.iter().find(|a| a.id == id) else {
        return pages::not_found().await;
    };
    let mut errors = Errors::default();
    let present = |k: &str| f.get(k).is_some();
    if present("description") {
        errors.required(&f, "description", "what will be done");
    }
    if present("owner") {
        errors.required(&f, "owner", "who owns the action");
    }
    let due = present("due").then(|| errors.date(&f, "due")).flatten();
    let status = f.get("status").map(Status::parse);
    if status == Some(None) {
        errors.add("status", "Choose a status");
    }
    let rag = f.get("rag").map(parse_rag);
    if rag == Some(None) {
        errors.add("rag", "Choose red, amber, green, or the RAG rule");
    }
    let note = f.get("note").filter(|n| !n.is_empty());
    let link = f.get("link").filter(|l| !l.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_TEXT) {
        errors.add(
            "note",
            format!("The note must be {MAX_TEXT} characters or fewer"),
        );
    }
    if let Some(l) = link {
        if note.is_none() {
            errors.add("note", "Enter a note to go with the evidence link");
        }
        if !export::safe_link(l) || l.chars().count() > 2000 {
            errors.add(
                "link",
                "Enter the link as a web address starting https:// or http://, or a path on this site starting /",
            );
        }
    }
    let ids = present("indicators_shown").then(|| f.all("indicator"));
    if let Some(ids) = &ids {
        errors.indicators(ids);
    }
    if !errors.0.is_empty() {
        let refused = Refused {
            form: format!("update-{id}"),
            fields: f,
            errors,
        };
        return plan_page(&st, &who, Some(refused)).await;
    }
    let (description, owner) = (f.get("description"), f.get("owner"));
    let update = ActionUpdate {
        description: description.filter(|d| *d != old.description),
        owner: owner.filter(|o| *o != old.owner),
        due: due.filter(|d| *d != old.due),
        status: status.flatten().filter(|s| *s != old.status),
        rag_override: rag.flatten().filter(|r| *r != old.rag_override),
        evidence: note.map(|n| (n, link)),
        indicators: ids.as_deref().filter(|ids| !same_set(ids, &old.indicators)),
    };
    let mut changes = vec![];
    if let Some(d) = update.description {
        changes.push(format!("description → {}", short(d)));
    }
    if let Some(o) = update.owner {
        changes.push(format!("owner {} → {o}", old.owner));
    }
    if let Some(d) = update.due {
        changes.push(format!("due {} → {d}", old.due));
    }
    if let Some(s) = update.status {
        changes.push(format!("status {} → {}", old.status.id(), s.id()));
    }
    if let Some(r) = update.rag_override {
        let name = |r: Option<Rag>| r.map_or("auto", |r| r.id());
        changes.push(format!("RAG {} → {}", name(old.rag_override), name(r)));
    }
    if let Some((n, l)) = update.evidence {
        changes.push(format!(
            "evidence added: {}{}",
            short(n),
            l.map(|l| format!(" <{l}>")).unwrap_or_default()
        ));
    }
    if let Some(ids) = update.indicators {
        changes.push(format!("indicators [{}]", ids.join(",")));
    }
    if changes.is_empty() {
        return Redirect::to(&format!("/plan#action-{id}")).into_response();
    }
    if let Err(e) = st.store.update_action(id, &update).await {
        return internal(e);
    }
    let detail = format!("action {id}: {}", changes.join("; "));
    if let Some(r) = audited(&st, &who, "web plan action updated", detail).await {
        return r;
    }
    Redirect::to(&format!("/plan#action-{id}")).into_response()
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    a.dedup();
    b.sort();
    b.dedup();
    a == b
}

// ---------------------------------------------------------------- exports

/// The served authority's plan and name, for an export.
async fn for_export(st: &Shared) -> Result<(Plan, Option<String>), Response> {
    let la = authority(st).await?;
    let plan = load_plan(st, la.as_ref()).await?;
    Ok((plan, la.map(|(_, name)| name)))
}

fn export_lines<'a>(
    plan: &'a Plan,
    c: Option<&Arc<Computed>>,
    suppress: bool,
    today: NaiveDate,
) -> Vec<(usize, export::Line<'a>)> {
    export::lines(plan, today, |_, a| {
        a.indicators
            .iter()
            .map(|id| trend(c.map(|c| &**c), id, suppress, 0).trend)
            .collect()
    })
}

/// `GET /plan.xlsx`: the committee workbook.
pub async fn xlsx(State(st): State<Shared>, Need(who, _): Need<PlanView>) -> Response {
    let (plan, _) = match for_export(&st).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let today = today();
    let c = st.computed();
    let ls = export_lines(&plan, c.as_ref(), who.suppress(), today);
    match export::xlsx(&plan, &ls, today) {
        Ok(bytes) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"improvement-plan-{today}.xlsx\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => internal(e),
    }
}

/// `GET /plan/print`: the printable committee page.
pub async fn print(State(st): State<Shared>, Need(who, _): Need<PlanView>) -> Response {
    let (plan, la_name) = match for_export(&st).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let today = today();
    let c = st.computed();
    let ls = export_lines(&plan, c.as_ref(), who.suppress(), today);
    let html = export::html(
        &plan,
        &ls,
        today,
        export::HtmlPage {
            stylesheet: Some("/assets/plan-print.css"),
            back: Some("/plan"),
            heading: la_name.as_deref(),
        },
    );
    axum::response::Html(html).into_response()
}

pub async fn print_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        export::PRINT_CSS,
    )
        .into_response()
}
