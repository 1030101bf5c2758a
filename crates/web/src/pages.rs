//! The handlers and their templates. Each handler takes the [`Need`] extractor of the action
//! it performs (so policy is applied before it runs) and passes child-level data through the
//! user's [`crate::policy::Scope`]; every child-level view or export is audited before the
//! response is built, so a failure to audit stops it.

// A refusal is a whole page: returning it as the error of a Result is the point.
#![allow(clippy::result_large_err)]

use std::net::SocketAddr;
use std::sync::Arc;

use askama::Template;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use indicators::index::Groups;
use indicators::worklists::{Item, Kind, Status};
use indicators::{By, Figure, Indicator, Polarity, Unit};
use serde::Deserialize;

use crate::auth::{self, Aggregates, Audit, Children, Data, Imports, Need, SignedIn, Users};
use crate::cache::{Computed, IndicatorData};
use crate::policy::{Action, Role, Scope};
use crate::svg;
use crate::Shared;

// ---------------------------------------------------------------- layout and errors

pub struct NavUser {
    pub name: String,
    pub role: &'static str,
    pub csrf: String,
    pub children: bool,
    pub data: bool,
    pub admin: bool,
}

pub struct Layout {
    pub title: String,
    pub user: Option<NavUser>,
    pub banner: String,
}

impl Layout {
    pub(crate) fn new(title: impl Into<String>, who: Option<&SignedIn>) -> Layout {
        Layout {
            title: title.into(),
            user: who.map(|w| NavUser {
                name: w.user.username.clone(),
                role: w.role.label(),
                csrf: w.csrf.clone(),
                children: w.can(Action::ViewChildren),
                data: w.can(Action::ViewData),
                admin: w.can(Action::ManageUsers),
            }),
            banner: String::new(),
        }
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    layout: Layout,
    heading: String,
    message: String,
}

pub(crate) fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => internal(e),
    }
}

pub(crate) fn message(
    status: StatusCode,
    heading: &str,
    message: &str,
    who: Option<&SignedIn>,
) -> Response {
    let mut r = render(&MessagePage {
        layout: Layout::new(heading, who),
        heading: heading.into(),
        message: message.into(),
    });
    *r.status_mut() = status;
    r
}

/// A server error: logged (store and template errors name no person), shown plainly.
pub fn internal(e: impl std::fmt::Display) -> Response {
    tracing::error!("request failed: {e}");
    let html = MessagePage {
        layout: Layout::new("Sorry, there is a problem", None),
        heading: "Sorry, there is a problem with the service".into(),
        message: "Try again later.".into(),
    }
    .render()
    .unwrap_or_else(|_| "Sorry, there is a problem with the service".into());
    (StatusCode::INTERNAL_SERVER_ERROR, Html(html)).into_response()
}

pub fn forbidden() -> Response {
    message(
        StatusCode::FORBIDDEN,
        "You do not have access to this page",
        "Your role does not allow it. Ask an administrator if you need access.",
        None,
    )
}

pub fn csrf_failed() -> Response {
    message(
        StatusCode::FORBIDDEN,
        "This form has expired",
        "Go back, reload the page and try again.",
        None,
    )
}

pub async fn not_found() -> Response {
    message(
        StatusCode::NOT_FOUND,
        "Page not found",
        "Check the address.",
        None,
    )
}

/// The computed snapshot, or a page saying why there is none yet.
fn computed(st: &Shared, who: &SignedIn) -> Result<Arc<Computed>, Response> {
    st.computed().ok_or_else(|| {
        let status = st.status.read().map(|s| s.clone()).unwrap_or_default();
        message(
            StatusCode::SERVICE_UNAVAILABLE,
            "Figures are not ready yet",
            &format!("The server is working ({status}). Reload in a minute."),
            Some(who),
        )
    })
}

pub(crate) async fn record_use(
    st: &Shared,
    who: &SignedIn,
    action: &str,
    snapshot: Option<i64>,
    detail: &str,
) -> Result<(), Response> {
    st.store
        .audit(&who.user.username, action, snapshot, detail)
        .await
        .map_err(internal)
}

pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../assets/sightline.css"),
    )
        .into_response()
}

pub async fn healthz(State(st): State<Shared>) -> Response {
    let status = st.status.read().map(|s| s.clone()).unwrap_or_default();
    let body = match st.computed() {
        Some(c) if status == "ready" => format!("ready snapshot {}\n", c.snapshot),
        _ => format!("{status}\n"),
    };
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

// ---------------------------------------------------------------- formatting

pub(crate) fn fmt_value(unit: Unit, f: &Figure, suppress: bool) -> String {
    if suppress && f.suppress {
        return "c".into();
    }
    match f.value {
        None => "no data".into(),
        Some(v) => fmt_unit(unit, v),
    }
}

pub(crate) fn fmt_unit(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => format!("{v:.1}%"),
        Unit::RatePer10k => format!("{v:.1} per 10,000"),
        Unit::Days => format!("{v:.0} days"),
        Unit::Count => format!("{v:.0}"),
        Unit::Ratio => format!("{v:.1}"),
    }
}

fn fmt_count(x: Option<f64>, hide: bool) -> String {
    match x {
        _ if hide => "c".into(),
        None => "–".into(),
        Some(v) if v.fract() == 0.0 => format!("{v:.0}"),
        Some(v) => format!("{v:.1}"),
    }
}

pub(crate) fn visible(f: &Figure, suppress: bool) -> Option<f64> {
    if suppress && f.suppress {
        None
    } else {
        f.value
    }
}

/// Red/amber/green against the local target, with its tolerance.
fn rag(ind: &Indicator, v: Option<f64>) -> Option<(&'static str, &'static str)> {
    let (v, target) = (v?, ind.target?);
    let tol = ind.tolerance.unwrap_or(0.0);
    let gap = match ind.polarity {
        Polarity::HigherIsBetter => target - v,
        Polarity::LowerIsBetter => v - target,
        Polarity::Neutral => return None,
    };
    Some(if gap <= 0.0 {
        ("green", "On target")
    } else if gap <= tol {
        ("amber", "Near target")
    } else {
        ("red", "Off target")
    })
}

/// Which way the figure moved over the year, and whether that is better.
pub(crate) fn direction(ind: &Indicator, now: Option<f64>, before: Option<f64>) -> String {
    let (Some(n), Some(b)) = (now, before) else {
        return "No comparison with a year ago".into();
    };
    if (n - b).abs() < 1e-9 {
        return "Unchanged from a year ago".into();
    }
    let up = n > b;
    let verdict = match (ind.polarity, up) {
        (Polarity::Neutral, _) => "",
        (Polarity::HigherIsBetter, true) | (Polarity::LowerIsBetter, false) => " (better)",
        _ => " (worse)",
    };
    format!(
        "{} from {} a year ago{verdict}",
        if up { "Up" } else { "Down" },
        fmt_unit(ind.unit, b)
    )
}

fn bench_line(ind: &Indicator, d: &IndicatorData) -> Option<String> {
    let b = d.benchmark.as_ref()?;
    let mut parts = vec![];
    if let Some(e) = b.england {
        parts.push(format!("England {}", fmt_unit(ind.unit, e)));
    }
    if let Some(s) = b.sn_average {
        parts.push(format!("neighbours {}", fmt_unit(ind.unit, s)));
    }
    (!parts.is_empty()).then(|| format!("{} ({}): {}", b.la_name, b.year, parts.join(", ")))
}

// ---------------------------------------------------------------- sign-in

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    csrf: String,
    next: String,
    username: String,
    error: Option<String>,
    expired: bool,
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    expired: Option<String>,
}

/// Only paths on this site are followed after sign-in.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.into(),
        _ => "/".into(),
    }
}

fn login_page(
    st: &Shared,
    headers: &HeaderMap,
    next: String,
    username: String,
    error: Option<String>,
    expired: bool,
    status: StatusCode,
) -> Response {
    // The pre-session CSRF token: reuse the browser's, or issue one.
    let (csrf, fresh) = match auth::cookie(headers, auth::PRE_COOKIE) {
        Some(c) => (c, false),
        None => (auth::random_token(), true),
    };
    let mut r = render(&LoginPage {
        layout: Layout::new("Sign in", None),
        csrf: csrf.clone(),
        next,
        username,
        error,
        expired,
    });
    *r.status_mut() = status;
    if fresh {
        if let Ok(v) =
            auth::set_cookie(auth::PRE_COOKIE, &csrf, auth::secure(st, headers), None).parse()
        {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

pub async fn login_form(
    State(st): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<LoginQuery>,
) -> Response {
    login_page(
        &st,
        &headers,
        safe_next(q.next.as_deref()),
        String::new(),
        None,
        q.expired.is_some(),
        StatusCode::OK,
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

pub async fn login(
    State(st): State<Shared>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(f): Form<LoginForm>,
) -> Response {
    let username = f.username.trim().to_lowercase();
    let next = safe_next(f.next.as_deref());
    let now = auth::now();
    let since = now - auth::THROTTLE_WINDOW;
    let address = format!("address {}", addr.ip());
    let failures = async {
        Ok::<_, store::StoreError>((
            st.store.recent_login_failures(&username, since).await?,
            st.store.recent_login_failures(&address, since).await?,
        ))
    }
    .await;
    let (by_user, by_address) = match failures {
        Ok(x) => x,
        Err(e) => return internal(e),
    };
    if by_user >= auth::MAX_FAILURES_PER_USER || by_address >= auth::MAX_FAILURES_PER_ADDRESS {
        return login_page(
            &st,
            &headers,
            next,
            username,
            Some("Too many failed attempts: wait 15 minutes, then try again".into()),
            false,
            StatusCode::TOO_MANY_REQUESTS,
        );
    }
    let user = match st.store.web_user_by_name(&username).await {
        Ok(u) => u,
        Err(e) => return internal(e),
    };
    // Verify against a fixed hash when there is no such user, so timing tells nothing.
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = match &user {
        Some(u) => u.password_hash.clone(),
        None => DUMMY
            .get_or_init(|| auth::hash_password("no such user").unwrap_or_default())
            .clone(),
    };
    let ok =
        auth::verify_blocking(f.password, hash).await && user.as_ref().is_some_and(|u| !u.disabled);
    let record = async {
        st.store.record_login_attempt(&username, now, ok).await?;
        if !ok {
            st.store.record_login_attempt(&address, now, false).await?;
        }
        Ok::<_, store::StoreError>(())
    };
    if let Err(e) = record.await {
        return internal(e);
    }
    let Some(user) = user.filter(|_| ok) else {
        return login_page(
            &st,
            &headers,
            next,
            username,
            Some("Enter a correct username and password".into()),
            false,
            StatusCode::UNAUTHORIZED,
        );
    };
    start_session(&st, &headers, user.id, &next).await
}

async fn start_session(st: &Shared, headers: &HeaderMap, user_id: i64, next: &str) -> Response {
    let token = auth::random_token();
    let now = auth::now();
    if let Err(e) = st
        .store
        .create_web_session(
            &auth::sha256_hex(&token),
            user_id,
            &auth::random_token(),
            now,
            now + st.options.session_max_seconds,
        )
        .await
    {
        return internal(e);
    }
    let mut r = Redirect::to(next).into_response();
    let secure = auth::secure(st, headers);
    for c in [
        auth::set_cookie(auth::SESSION_COOKIE, &token, secure, None),
        auth::set_cookie(auth::PRE_COOKIE, "", secure, Some(0)),
    ] {
        if let Ok(v) = c.parse() {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    r
}

pub async fn logout(State(st): State<Shared>, headers: HeaderMap) -> Response {
    if let Some(token) = auth::cookie(&headers, auth::SESSION_COOKIE) {
        if let Err(e) = st.store.delete_web_session(&auth::sha256_hex(&token)).await {
            return internal(e);
        }
    }
    let mut r = Redirect::to("/login").into_response();
    let c = auth::set_cookie(
        auth::SESSION_COOKIE,
        "",
        auth::secure(&st, &headers),
        Some(0),
    );
    if let Ok(v) = c.parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

#[derive(Template)]
#[template(path = "password.html")]
struct PasswordPage {
    layout: Layout,
    csrf: String,
    errors: Vec<String>,
    done: bool,
    must_change: bool,
    min_len: usize,
}

pub async fn password_form(who: SignedIn) -> Response {
    render(&PasswordPage {
        layout: Layout::new("Change your password", Some(&who)),
        csrf: who.csrf.clone(),
        errors: vec![],
        done: false,
        must_change: who.user.must_change_password,
        min_len: auth::MIN_PASSWORD_LEN,
    })
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    new: String,
    confirm: String,
}

pub async fn change_password(
    State(st): State<Shared>,
    headers: HeaderMap,
    who: SignedIn,
    Form(f): Form<PasswordForm>,
) -> Response {
    let mut errors = vec![];
    if !auth::verify_blocking(f.current.clone(), who.user.password_hash.clone()).await {
        errors.push("Your current password is not correct".to_string());
    }
    if f.new.chars().count() < auth::MIN_PASSWORD_LEN {
        errors.push(format!(
            "The new password must be at least {} characters",
            auth::MIN_PASSWORD_LEN
        ));
    }
    if f.new != f.confirm {
        errors.push("The new passwords do not match".into());
    }
    if f.new == f.current {
        errors.push("The new password must differ from the current one".into());
    }
    if !errors.is_empty() {
        let mut r = render(&PasswordPage {
            layout: Layout::new("Change your password", Some(&who)),
            csrf: who.csrf.clone(),
            errors,
            done: false,
            must_change: who.user.must_change_password,
            min_len: auth::MIN_PASSWORD_LEN,
        });
        *r.status_mut() = StatusCode::BAD_REQUEST;
        return r;
    }
    let hash = match auth::hash_blocking(f.new).await {
        Ok(h) => h,
        Err(e) => return internal(e),
    };
    // Every other session of the account ends; this one is replaced by a fresh one.
    let done = async {
        st.store.set_web_password(who.user.id, &hash, false).await?;
        st.store.delete_web_sessions_of(who.user.id).await
    };
    if let Err(e) = done.await {
        return internal(e);
    }
    start_session(&st, &headers, who.user.id, "/").await
}

// ---------------------------------------------------------------- dashboard and indicators

struct Tile {
    id: &'static str,
    title: &'static str,
    value: String,
    spark: String,
    direction: String,
    rag: Option<(&'static str, &'static str)>,
    bench: Option<String>,
}

struct AreaTiles {
    label: &'static str,
    tiles: Vec<Tile>,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    la_name: String,
    as_at: String,
    snapshot: i64,
    suppress: bool,
    areas: Vec<AreaTiles>,
}

pub async fn dashboard(State(st): State<Shared>, Need(who, _): Need<Aggregates>) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let suppress = who.suppress();
    let mut areas: Vec<AreaTiles> = vec![];
    for d in &c.indicators {
        let ind = d.ind;
        let values: Vec<Option<f64>> = d.series.iter().map(|(_, f)| visible(f, suppress)).collect();
        let now = values.last().copied().flatten();
        let year_ago = values.len().checked_sub(13).and_then(|i| values[i]);
        let tile = Tile {
            id: ind.id,
            title: ind.title,
            value: d
                .latest()
                .map(|f| fmt_value(ind.unit, f, suppress))
                .unwrap_or_default(),
            spark: svg::sparkline(
                &format!("spark-{}", ind.id),
                &format!("{}: 24-month trend", ind.title),
                &values,
            ),
            direction: direction(ind, now, year_ago),
            rag: rag(ind, now),
            bench: bench_line(ind, d),
        };
        match areas.iter_mut().find(|a| a.label == ind.area.label()) {
            Some(a) => a.tiles.push(tile),
            None => areas.push(AreaTiles {
                label: ind.area.label(),
                tiles: vec![tile],
            }),
        }
    }
    render(&DashboardPage {
        layout: Layout::new("Dashboard", Some(&who)),
        la_name: c.model.la.la_name.clone(),
        as_at: c.as_at.to_string(),
        snapshot: c.snapshot,
        suppress,
        areas,
    })
}

type Row4 = (String, String, String, String);

#[derive(Template)]
#[template(path = "indicator.html")]
struct IndicatorPage {
    layout: Layout,
    title: &'static str,
    definition: &'static str,
    numerator: &'static str,
    denominator: &'static str,
    unit: &'static str,
    polarity: &'static str,
    target: String,
    source: &'static str,
    as_at: String,
    latest: String,
    children_link: Option<String>,
    chart: String,
    rows: Vec<Row4>,
    bench: Vec<(String, String)>,
    breakdowns: Vec<(&'static str, Vec<Row4>)>,
}

fn figure_row(label: String, unit: Unit, f: &Figure, suppress: bool) -> Row4 {
    let hide = suppress && f.suppress;
    (
        label,
        fmt_value(unit, f, suppress),
        fmt_count(Some(f.numerator), hide),
        fmt_count(f.denominator, hide),
    )
}

pub async fn indicator(
    State(st): State<Shared>,
    Need(who, _): Need<Aggregates>,
    Path(id): Path<String>,
) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(d) = c.indicator(&id) else {
        return not_found().await;
    };
    let ind = d.ind;
    let suppress = who.suppress();
    let labels: Vec<String> = d.series.iter().map(|(p, _)| p.to_string()).collect();
    let values: Vec<Option<f64>> = d.series.iter().map(|(_, f)| visible(f, suppress)).collect();
    let chart = svg::line_chart(
        "trend",
        &format!("{}: monthly trend", ind.title),
        &format!(
            "{} month ends from {} to {}; the dashed line is the target. The table beside the \
             chart gives every value.",
            labels.len(),
            labels.first().cloned().unwrap_or_default(),
            labels.last().cloned().unwrap_or_default()
        ),
        &labels,
        &values,
        ind.target,
    );
    let rows = d
        .series
        .iter()
        .map(|(p, f)| figure_row(p.to_string(), ind.unit, f, suppress))
        .collect();
    let mut bench = vec![];
    if let Some(b) = &d.benchmark {
        let mut add = |k: String, v: Option<f64>| {
            if let Some(v) = v {
                bench.push((k, fmt_unit(ind.unit, v)));
            }
        };
        add(
            format!("{} published ({})", b.la_name, b.year),
            b.la_published,
        );
        add("England".into(), b.england);
        add(format!("Region: {}", b.region_name), b.region);
        add(
            format!("Statistical neighbours' average ({})", b.sn_count),
            b.sn_average,
        );
        if let (Some(r), Some(q)) = (b.rank, b.quartile) {
            bench.push(("Rank".into(), format!("{r} of {} (quartile {q})", b.of)));
        }
    }
    let breakdowns = d
        .breakdowns
        .iter()
        .filter(|(by, _)| !(suppress && *by == By::Worker))
        .map(|(by, groups)| {
            (
                by_label(*by),
                groups
                    .iter()
                    .map(|(k, f)| figure_row(k.clone(), ind.unit, f, suppress))
                    .collect(),
            )
        })
        .collect();
    render(&IndicatorPage {
        layout: Layout::new(ind.title, Some(&who)),
        title: ind.title,
        definition: ind.definition,
        numerator: ind.numerator,
        denominator: ind.denominator,
        unit: ind.unit.label(),
        polarity: match ind.polarity {
            Polarity::HigherIsBetter => "Higher",
            Polarity::LowerIsBetter => "Lower",
            Polarity::Neutral => "Neither (context)",
        },
        target: ind
            .target
            .map(|t| fmt_unit(ind.unit, t))
            .unwrap_or_else(|| "None set".into()),
        source: ind.source,
        as_at: c.as_at.to_string(),
        latest: d
            .latest()
            .map(|f| fmt_value(ind.unit, f, suppress))
            .unwrap_or_default(),
        children_link: who
            .can(Action::ViewChildren)
            .then(|| format!("/indicators/{}/children", ind.id)),
        chart,
        rows,
        bench,
        breakdowns,
    })
}

fn by_label(by: By) -> &'static str {
    match by {
        By::Team => "team",
        By::Worker => "worker",
        By::Sex => "sex",
        By::AgeBand => "age band",
        By::Ethnicity => "ethnicity",
        By::Disability => "disability",
    }
}

#[derive(Template)]
#[template(path = "children.html")]
struct ChildrenPage {
    layout: Layout,
    back: String,
    heading: String,
    intro: String,
    head: Vec<&'static str>,
    rows: Vec<(String, Vec<String>)>,
}

pub async fn indicator_children(
    State(st): State<Shared>,
    Need(who, _): Need<Children>,
    Path(id): Path<String>,
) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(d) = c.indicator(&id) else {
        return not_found().await;
    };
    let scope = who.scope();
    let rows: Vec<(String, Vec<String>)> = d
        .units
        .iter()
        .filter(|u| scope.allows(c.child_team_id(u.child)))
        .map(|u| {
            (
                c.person_id(u.child).to_string(),
                vec![
                    u.date.to_string(),
                    if u.hit { "Yes" } else { "No" }.into(),
                    u.days.map(|x| x.to_string()).unwrap_or_default(),
                    c.team_name(u.team).to_string(),
                    c.worker_name(u.worker).to_string(),
                ],
            )
        })
        .collect();
    if let Err(r) = record_use(
        &st,
        &who,
        "web indicator children",
        Some(c.snapshot),
        &format!("indicator {}: {} rows listed", d.ind.id, rows.len()),
    )
    .await
    {
        return r;
    }
    render(&ChildrenPage {
        layout: Layout::new(format!("Children: {}", d.ind.title), Some(&who)),
        back: format!("/indicators/{}", d.ind.id),
        heading: format!("Children behind “{}”", d.ind.title),
        intro: format!(
            "At {}: each record the figure counts, whether it counts in the numerator, and who held it.{}",
            c.as_at,
            if matches!(scope, Scope::Teams(_)) {
                " Only your teams' children are listed."
            } else {
                ""
            }
        ),
        head: vec!["Child", "Date", "In numerator", "Days", "Team", "Worker"],
        rows,
    })
}

// ---------------------------------------------------------------- work lists

#[derive(Deserialize, Default)]
pub struct WorkQuery {
    team: Option<String>,
    kind: Option<String>,
    status: Option<String>,
    worker: Option<String>,
    sort: Option<String>,
}

impl WorkQuery {
    fn query_string(&self) -> String {
        let mut parts = vec![];
        for (k, v) in [
            ("team", &self.team),
            ("kind", &self.kind),
            ("status", &self.status),
            ("worker", &self.worker),
            ("sort", &self.sort),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", auth::urlencode(v)));
            }
        }
        parts.join("&")
    }
}

/// The work-list items this user may see that match the filters, sorted.
fn work_items<'a>(c: &'a Computed, who: &SignedIn, q: &WorkQuery) -> Vec<&'a Item> {
    let scope = who.scope();
    let team = q.team.as_deref().filter(|t| !t.is_empty());
    let kind = q.kind.as_deref().and_then(Kind::parse);
    let status = match q.status.as_deref() {
        Some("overdue") => Some(Status::Overdue),
        Some("due_soon") => Some(Status::DueSoon),
        _ => None,
    };
    let worker = q
        .worker
        .as_deref()
        .map(|w| w.trim().to_lowercase())
        .filter(|w| !w.is_empty());
    let mut items: Vec<&Item> = c
        .worklist
        .iter()
        .filter(|i| {
            let team_id = i.team.map(|t| c.team_ids[t as usize].as_str());
            scope.allows(team_id)
                && team.is_none_or(|t| team_id == Some(t))
                && kind.is_none_or(|k| i.kind == k)
                && status.is_none_or(|s| i.status == s)
                && worker
                    .as_ref()
                    .is_none_or(|w| c.worker_name(i.worker).to_lowercase().contains(w.as_str()))
        })
        .collect();
    match q.sort.as_deref() {
        Some("child") => items.sort_by_key(|i| (c.person_id(i.child), i.due)),
        Some("kind") => items.sort_by_key(|i| (i.kind, i.due)),
        Some("team") => items.sort_by_key(|i| (c.team_name(i.team), i.due)),
        Some("worker") => items.sort_by_key(|i| (c.worker_name(i.worker), i.due)),
        _ => {} // the list's own order: overdue first, then by due date
    }
    items
}

struct WorkRow {
    child: String,
    what: &'static str,
    status: &'static str,
    tag: &'static str,
    due: String,
    days: i64,
    since: String,
    team: String,
    worker: String,
}

#[derive(Template)]
#[template(path = "worklist.html")]
struct WorklistPage {
    layout: Layout,
    soon: i64,
    as_at: String,
    scope: String,
    teams: Vec<(String, String, bool)>,
    kinds: Vec<(&'static str, &'static str, bool)>,
    statuses: Vec<(&'static str, &'static str, bool)>,
    sorts: Vec<(&'static str, &'static str, bool)>,
    worker: String,
    query: String,
    total: usize,
    shown: usize,
    rows: Vec<WorkRow>,
}

const MAX_ROWS_SHOWN: usize = 500;

pub async fn worklist(
    State(st): State<Shared>,
    Need(who, _): Need<Children>,
    Query(q): Query<WorkQuery>,
) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let items = work_items(&c, &who, &q);
    if let Err(r) = record_use(
        &st,
        &who,
        "web work list",
        Some(c.snapshot),
        &format!("filters [{}]: {} items", q.query_string(), items.len()),
    )
    .await
    {
        return r;
    }
    let scope = who.scope();
    let teams = c
        .team_ids
        .iter()
        .zip(&c.team_names)
        .filter(|(id, _)| scope.allows(Some(id)))
        .map(|(id, name)| (id.clone(), name.clone(), q.team.as_deref() == Some(id)))
        .collect();
    let sel = |v: &Option<String>, k: &str| v.as_deref().unwrap_or("") == k;
    let rows: Vec<WorkRow> = items
        .iter()
        .take(MAX_ROWS_SHOWN)
        .map(|i| WorkRow {
            child: c.person_id(i.child).to_string(),
            what: i.kind.label(),
            status: i.status.label(),
            tag: match i.status {
                Status::Overdue => "red",
                Status::DueSoon => "amber",
            },
            due: i.due.map(|d| d.to_string()).unwrap_or_else(|| "Now".into()),
            days: i.days_overdue,
            since: i.since.clone(),
            team: c.team_name(i.team).to_string(),
            worker: c.worker_name(i.worker).to_string(),
        })
        .collect();
    render(&WorklistPage {
        layout: Layout::new("Work list", Some(&who)),
        soon: st.options.due_soon_days,
        as_at: c.as_at.to_string(),
        scope: match scope {
            Scope::Teams(_) => "Your teams' children only.".into(),
            _ => String::new(),
        },
        teams,
        kinds: Kind::ALL
            .iter()
            .map(|k| (k.name(), k.label(), sel(&q.kind, k.name())))
            .collect(),
        statuses: [
            ("", "Overdue and due soon"),
            ("overdue", "Overdue"),
            ("due_soon", "Due soon"),
        ]
        .into_iter()
        .map(|(k, l)| (k, l, sel(&q.status, k)))
        .collect(),
        sorts: [
            ("", "Overdue first, then due date"),
            ("child", "Child"),
            ("kind", "What"),
            ("team", "Team"),
            ("worker", "Worker"),
        ]
        .into_iter()
        .map(|(k, l)| (k, l, sel(&q.sort, k)))
        .collect(),
        worker: q.worker.clone().unwrap_or_default(),
        query: q.query_string(),
        total: items.len(),
        shown: rows.len(),
        rows,
    })
}

pub async fn worklist_csv(
    State(st): State<Shared>,
    Need(who, _): Need<Children>,
    Query(q): Query<WorkQuery>,
) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let items = work_items(&c, &who, &q);
    if let Err(r) = record_use(
        &st,
        &who,
        "web work list export",
        Some(c.snapshot),
        &format!(
            "worklist.csv, filters [{}]: {} items",
            q.query_string(),
            items.len()
        ),
    )
    .await
    {
        return r;
    }
    let write = || -> Result<Vec<u8>, String> {
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record([
            "child_id",
            "item",
            "status",
            "due",
            "days_overdue",
            "since",
            "team",
            "worker",
        ])
        .map_err(|e| e.to_string())?;
        for i in &items {
            w.write_record([
                c.person_id(i.child),
                i.kind.name(),
                i.status.label(),
                &i.due.map(|d| d.to_string()).unwrap_or_default(),
                &i.days_overdue.to_string(),
                &i.since,
                c.team_name(i.team),
                c.worker_name(i.worker),
            ])
            .map_err(|e| e.to_string())?;
        }
        w.into_inner().map_err(|e| e.to_string())
    };
    match write() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"worklist.csv\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => internal(e),
    }
}

// ---------------------------------------------------------------- child journey

#[derive(Template)]
#[template(path = "child.html")]
struct ChildPage {
    layout: Layout,
    id: String,
    as_at: String,
    facts: Vec<(&'static str, String)>,
    reason: Option<String>,
    open: Vec<(&'static str, &'static str, String, String, &'static str)>,
    events: Vec<(String, &'static str, String)>,
}

#[derive(Deserialize)]
pub struct ChildQuery {
    reason: Option<String>,
}

pub async fn child(
    State(st): State<Shared>,
    Need(who, _): Need<Children>,
    Path(id): Path<String>,
    Query(q): Query<ChildQuery>,
) -> Response {
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let scope = who.scope();
    let ix = c.person_ix.get(&id).copied();
    // Outside their scope, a user learns nothing, not even whether the child exists.
    let Some(ix) = ix.filter(|&i| scope.allows(c.child_team_id(i))) else {
        return if scope == Scope::All {
            not_found().await
        } else {
            forbidden()
        };
    };
    let reason = q
        .reason
        .map(|r| r.trim().chars().take(200).collect::<String>())
        .filter(|r| !r.is_empty());
    let detail = match &reason {
        Some(r) => format!("child {id}; reason: {r}"),
        None => format!("child {id}"),
    };
    if let Err(r) = record_use(&st, &who, "web child journey", Some(c.snapshot), &detail).await {
        return r;
    }
    let t = &c.model.tables;
    let p = &t.people[ix as usize];
    let (team, worker) = c.allocation[ix as usize];
    let facts = vec![
        ("Sex", format!("{:?}", p.pers_sex)),
        (
            "Date of birth",
            p.pers_dob
                .map(|d| d.to_string())
                .unwrap_or_else(|| "Not recorded".into()),
        ),
        ("Ethnicity", p.pers_ethnicity.group().to_string()),
        ("Allocated team", c.team_name(team).to_string()),
        ("Allocated worker", c.worker_name(worker).to_string()),
    ];
    let open = c
        .worklist
        .iter()
        .filter(|i| i.child == ix)
        .map(|i| {
            (
                i.kind.label(),
                i.status.label(),
                i.due.map(|d| d.to_string()).unwrap_or_else(|| "Now".into()),
                i.since.clone(),
                match i.status {
                    Status::Overdue => "red",
                    Status::DueSoon => "amber",
                },
            )
        })
        .collect();
    render(&ChildPage {
        layout: Layout::new(format!("Child {id}"), Some(&who)),
        id: id.clone(),
        as_at: c.as_at.to_string(),
        facts,
        reason,
        open,
        events: journey(&c, ix),
    })
}

/// One child's events across the case model, oldest first.
fn journey(c: &Computed, ix: u32) -> Vec<(String, &'static str, String)> {
    let t = &c.model.tables;
    let j = &c.journey_rows;
    let mut ev: Vec<(model::Date, &'static str, String)> = vec![];
    let worker = |w: Option<&str>| {
        w.and_then(|w| c.worker_ix.get(w))
            .map(|&i| c.worker_names[i as usize].clone())
            .unwrap_or_default()
    };
    for x in rows(&t.contacts, &j.contacts, ix) {
        ev.push((
            x.cont_contact_date,
            "Contact",
            format!("Source {:?}", x.cont_contact_source_code),
        ));
    }
    for x in rows(&t.cin_episodes, &j.cin_episodes, ix) {
        ev.push((
            x.cine_referral_date,
            "Referral",
            format!("Referral {}", x.cine_referral_id.as_str()),
        ));
        if let Some(d) = x.cine_close_date {
            ev.push((
                d,
                "Case closed",
                format!("Referral {}", x.cine_referral_id.as_str()),
            ));
        }
    }
    for x in rows(&t.assessments, &j.assessments, ix) {
        ev.push((
            x.cina_assessment_start_date,
            "Assessment started",
            worker(x.cina_assessment_worker_id.as_ref().map(|w| w.as_str())),
        ));
        if let Some(d) = x.cina_assessment_auth_date {
            ev.push((d, "Assessment completed", String::new()));
        }
    }
    // Plans and enquiries: a start and, once it has ended, an end.
    let spans = rows(&t.cin_plans, &j.cin_plans, ix)
        .map(|x| {
            let span = (x.cinp_cin_plan_start_date, x.cinp_cin_plan_end_date);
            (
                span,
                "Child in need plan started",
                "Child in need plan ended",
            )
        })
        .chain(rows(&t.s47_enquiries, &j.s47_enquiries, ix).map(|x| {
            let span = (x.s47e_s47_start_date, x.s47e_s47_end_date);
            (
                span,
                "Section 47 enquiry started",
                "Section 47 enquiry ended",
            )
        }));
    for ((start, end), started, ended) in spans {
        ev.push((start, started, String::new()));
        ev.extend(end.map(|d| (d, ended, String::new())));
    }
    for x in rows(&t.initial_cp_conferences, &j.initial_cp_conferences, ix) {
        ev.push((
            x.icpc_icpc_date,
            "Initial child protection conference",
            if x.icpc_icpc_outcome_cp_flag == model::codes::YesNo::Yes {
                "Plan made"
            } else {
                "No plan"
            }
            .into(),
        ));
    }
    for x in rows(&t.cp_plans, &j.cp_plans, ix) {
        ev.push((
            x.cppl_cp_plan_start_date,
            "Child protection plan started",
            format!("Category {:?}", x.cppl_cp_plan_initial_category),
        ));
        if let Some(d) = x.cppl_cp_plan_end_date {
            ev.push((d, "Child protection plan ended", String::new()));
        }
    }
    for x in rows(&t.cp_visits, &j.cp_visits, ix) {
        ev.push((
            x.cppv_cp_visit_date,
            "Child protection visit",
            seen(x.cppv_cp_visit_seen),
        ));
    }
    for x in rows(&t.cp_reviews, &j.cp_reviews, ix) {
        if let Some(d) = x.cppr_cp_review_date {
            ev.push((d, "Child protection review", String::new()));
        }
    }
    for x in rows(&t.cla_episodes, &j.cla_episodes, ix) {
        ev.push((
            x.clae_cla_episode_start_date,
            "Care episode started",
            format!("Reason {:?}", x.clae_cla_episode_start_reason),
        ));
        if let Some(d) = x.clae_cla_episode_ceased_date {
            ev.push((
                d,
                "Care episode ended",
                x.clae_cla_episode_ceased_reason
                    .map(|r| format!("Reason {r:?}"))
                    .unwrap_or_default(),
            ));
        }
    }
    for x in rows(&t.placements, &j.placements, ix) {
        ev.push((
            x.clap_cla_placement_start_date,
            "Placement started",
            format!("Type {:?}", x.clap_cla_placement_type),
        ));
    }
    for x in rows(&t.cla_visits, &j.cla_visits, ix) {
        ev.push((
            x.clav_cla_visit_date,
            "Looked-after child visit",
            seen(x.clav_cla_visit_seen),
        ));
    }
    for x in rows(&t.cla_reviews, &j.cla_reviews, ix) {
        if let Some(d) = x.clar_cla_review_date {
            ev.push((d, "Looked-after child review", String::new()));
        }
    }
    for x in rows(&t.health_checks, &j.health_checks, ix) {
        ev.push((
            x.clah_health_check_date,
            "Health check",
            format!("{:?}", x.clah_health_check_type),
        ));
    }
    for x in rows(&t.missing_episodes, &j.missing_episodes, ix) {
        ev.push((
            x.miss_missing_episode_start_date,
            "Missing",
            format!("{:?}", x.miss_missing_episode_type),
        ));
        if let Some(d) = x.miss_missing_episode_end_date {
            let rhi = match x.miss_missing_rhi_offered {
                Some(model::codes::YesNo::Yes) => "return interview offered",
                _ => "no return interview offered",
            };
            ev.push((d, "Returned", rhi.into()));
        }
    }
    for x in rows(&t.care_leavers, &j.care_leavers, ix) {
        ev.push((
            x.clea_care_leaver_latest_contact,
            "Care leaver contact",
            format!("In touch: {:?}", x.clea_care_leaver_in_touch),
        ));
    }
    for x in rows(&t.involvements, &j.involvements, ix) {
        let w = worker(x.invo_professional_id.as_ref().map(|w| w.as_str()));
        ev.push((x.invo_involvement_start_date, "Worker allocated", w.clone()));
        if let Some(d) = x.invo_involvement_end_date {
            ev.push((d, "Worker allocation ended", w));
        }
    }
    ev.sort_by_key(|a| a.0);
    ev.into_iter()
        .map(|(d, k, s)| (d.to_string(), k, s))
        .collect()
}

/// A child's rows of `table`, from its groups built once per snapshot.
fn rows<'a, T>(table: &'a [T], groups: &'a Groups, child: u32) -> impl Iterator<Item = &'a T> {
    groups.of(child).iter().map(|&r| &table[r as usize])
}

fn seen(s: Option<model::codes::YesNo>) -> String {
    match s {
        Some(model::codes::YesNo::Yes) => "Seen".into(),
        Some(model::codes::YesNo::No) => "Not seen".into(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- data

struct SnapshotView {
    id: i64,
    facts: Vec<(&'static str, String)>,
    files: Vec<(String, u64, String)>,
}

#[derive(Template)]
#[template(path = "data.html")]
struct DataPage {
    layout: Layout,
    error: Option<String>,
    as_at: String,
    can_annex: bool,
    status: String,
    poll: u64,
    can_refresh: bool,
    csrf: String,
    upload_mb: usize,
    kinds: Vec<(&'static str, &'static str)>,
    la_code: String,
    la_name: String,
    population: String,
    /// Recent uploads: id, started, files, outcome.
    imports: Vec<(u64, String, String, String)>,
    snapshots: Vec<SnapshotView>,
}

pub async fn data(State(st): State<Shared>, Need(who, _): Need<Data>) -> Response {
    data_page(&st, &who, None, StatusCode::OK).await
}

/// The Data page; `error` is what was wrong with an upload form.
pub(crate) async fn data_page(
    st: &Shared,
    who: &SignedIn,
    error: Option<String>,
    code: StatusCode,
) -> Response {
    let snaps = match st.store.snapshots().await {
        Ok(s) => s,
        Err(e) => return internal(e),
    };
    let status = st.status.read().map(|s| s.clone()).unwrap_or_default();
    // The upload form starts from the authority of the latest snapshot.
    let la = snaps.last().map(|s| s.la.clone());
    let mut r = render(&DataPage {
        layout: Layout::new("Data", Some(who)),
        error,
        as_at: st
            .computed()
            .map(|c| c.as_at.to_string())
            .unwrap_or_default(),
        can_annex: who.scope() == Scope::All,
        status,
        poll: st.options.poll_seconds,
        can_refresh: who.can(Action::ManageImports),
        csrf: who.csrf.clone(),
        upload_mb: st.options.upload_max_bytes >> 20,
        kinds: crate::imports::Kind::ALL
            .iter()
            .map(|k| (k.id(), k.label()))
            .collect(),
        la_code: la.as_ref().map(|l| l.la_code.clone()).unwrap_or_default(),
        la_name: la.as_ref().map(|l| l.la_name.clone()).unwrap_or_default(),
        population: la
            .as_ref()
            .map(|l| l.child_population.to_string())
            .unwrap_or_default(),
        imports: st
            .imports
            .recent(20)
            .iter()
            .map(|j| (j.id, j.started.clone(), j.files.join(", "), j.outcome()))
            .collect(),
        snapshots: snaps
            .into_iter()
            .rev()
            .map(|s| SnapshotView {
                id: s.id,
                facts: vec![
                    ("Imported", s.created_at.clone()),
                    ("Kind", s.kind.clone()),
                    ("Source", s.source.clone()),
                    ("Label", s.label.clone().unwrap_or_default()),
                    ("Authority", format!("{} {}", s.la.la_code, s.la.la_name)),
                    ("As at", s.la.as_at.to_string()),
                    ("Rows", s.row_count.to_string()),
                    ("Tool", s.tool_version.clone()),
                ],
                files: s
                    .files
                    .into_iter()
                    .map(|f| (f.name, f.rows, f.sha256))
                    .collect(),
            })
            .collect(),
    });
    *r.status_mut() = code;
    r
}

#[derive(Deserialize)]
pub struct AnnexQuery {
    as_at: Option<String>,
}

/// Ofsted Annex A at a date, as a workbook: every list, child by child, for the whole
/// authority, so only users who see every child may download it. Audited.
pub async fn annex_a(
    State(st): State<Shared>,
    Need(who, _): Need<Data>,
    Query(q): Query<AnnexQuery>,
) -> Response {
    if who.scope() != Scope::All {
        return forbidden();
    }
    let c = match computed(&st, &who) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let as_at = match q.as_at.as_deref().map(str::parse::<model::Date>) {
        None => c.as_at,
        Some(Ok(d)) if d <= c.as_at => d,
        _ => {
            return message(
                StatusCode::BAD_REQUEST,
                "Enter a valid date",
                &format!("Enter a date on or before {} as YYYY-MM-DD.", c.as_at),
                Some(&who),
            )
        }
    };
    if let Err(r) = record_use(
        &st,
        &who,
        "web annex a export",
        Some(c.snapshot),
        &format!("annex-a-{as_at}.xlsx"),
    )
    .await
    {
        return r;
    }
    let built = tokio::task::spawn_blocking(move || {
        let annex = formats::annex_a::derive(&c.model, as_at, &Default::default());
        formats::annex_a::write_xlsx(&annex).map_err(|e| e.to_string())
    })
    .await;
    match built {
        Ok(Ok(bytes)) => (
            [
                (
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
                ),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"annex-a-{as_at}.xlsx\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Ok(Err(e)) => internal(e),
        Err(e) => internal(e),
    }
}

/// One return on the validation page.
struct ReturnView {
    name: &'static str,
    year: String,
    summary: String,
    failed: Vec<(String, String)>,
    /// Code, type, message, count.
    rules: Vec<(&'static str, &'static str, &'static str, usize)>,
    /// Child id, whether it links to the journey, rule codes.
    children: Vec<(String, bool, String)>,
    children_total: usize,
}

#[derive(Template)]
#[template(path = "validation.html")]
struct ValidationPage {
    layout: Layout,
    snapshot: i64,
    state: &'static str,
    error: String,
    by_child: bool,
    returns: Vec<ReturnView>,
}

/// The rules a validation did not run, grouped by why: " Rules not run: 7 for want of a
/// table (…); 18 for want of a postcode lookup (164, 169, …)." Empty when all ran.
fn not_run(skipped: &[(String, String)]) -> String {
    let mut by_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    for (code, why) in skipped {
        let reason = if why == store::validation::NEEDS_POSTCODES {
            "for want of a postcode lookup"
        } else {
            "for want of a table"
        };
        match by_reason.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, codes)) => codes.push(code),
            None => by_reason.push((reason, vec![code])),
        }
    }
    if by_reason.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = by_reason
        .iter()
        .map(|(reason, codes)| format!("{} {reason} ({})", codes.len(), codes.join(", ")))
        .collect();
    format!(" Rules not run: {}.", parts.join("; "))
}

/// Children listed per return on the validation page; the rest are counted.
const VALIDATION_CHILDREN_SHOWN: usize = 1000;

/// A snapshot's DfE validation (SSDA903 and CIN census) by rule, and — for roles that see
/// every child — by child, which is a child-level view and audited.
pub async fn snapshot_validation(
    State(st): State<Shared>,
    Need(who, _): Need<Data>,
    Path(id): Path<i64>,
) -> Response {
    match st.store.snapshot(id).await {
        Ok(_) => {}
        Err(store::StoreError::NoSnapshot(_)) => return not_found().await,
        Err(e) => return internal(e),
    }
    let by_child = who.scope() == Scope::All;
    let (state, error, returns) = match crate::cache::validation(&st, id) {
        crate::cache::Validation::Running => ("running", String::new(), None),
        crate::cache::Validation::Failed(e) => ("failed", e, None),
        crate::cache::Validation::Done(v) => ("done", String::new(), Some(v)),
    };
    if by_child && state == "done" {
        let detail = format!("snapshot {id} validation by child");
        if let Err(r) = record_use(&st, &who, "web validation children", Some(id), &detail).await {
            return r;
        }
    }
    // Children link to their journey when the page's snapshot is the one being served.
    let served = st.computed().filter(|c| c.snapshot == id);
    let returns = returns
        .iter()
        .flat_map(|v| v.iter())
        .map(|r| {
            let errors: usize = r
                .by_rule
                .iter()
                .filter(|x| x.rule_type == "error")
                .map(|x| x.count)
                .sum();
            ReturnView {
                name: r.name,
                year: r.year.clone(),
                summary: format!(
                    "{} rules run: {} findings, {} of them errors, for {} children.{}",
                    r.rules_run,
                    r.issues,
                    errors,
                    r.by_child.len(),
                    not_run(&r.skipped)
                ),
                failed: r.failed.clone(),
                rules: r
                    .by_rule
                    .iter()
                    .map(|x| (x.code, x.rule_type, x.message, x.count))
                    .collect(),
                children_total: r.by_child.len(),
                children: if by_child {
                    r.by_child
                        .iter()
                        .take(VALIDATION_CHILDREN_SHOWN)
                        .map(|(child, codes)| {
                            let linked = served
                                .as_ref()
                                .is_some_and(|c| c.person_ix.contains_key(child));
                            (child.clone(), linked, codes.join(", "))
                        })
                        .collect()
                } else {
                    vec![]
                },
            }
        })
        .collect();
    render(&ValidationPage {
        layout: Layout::new(format!("Validation of snapshot {id}"), Some(&who)),
        snapshot: id,
        state,
        error,
        by_child,
        returns,
    })
}

pub async fn data_refresh(State(st): State<Shared>, Need(_who, _): Need<Imports>) -> Response {
    let bg = st.clone();
    tokio::spawn(async move {
        if let Err(e) = crate::refresh(&bg).await {
            tracing::warn!("refresh: {e}");
        }
    });
    Redirect::to("/data").into_response()
}

// ---------------------------------------------------------------- admin

struct UserView {
    id: i64,
    name: String,
    role: String,
    teams: String,
    disabled: bool,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    layout: Layout,
    csrf: String,
    error: Option<String>,
    created: Option<(String, String)>,
    users: Vec<UserView>,
    roles: Vec<(&'static str, &'static str)>,
    known_teams: String,
}

async fn users_page(
    st: &Shared,
    who: &SignedIn,
    error: Option<String>,
    created: Option<(String, String)>,
) -> Response {
    let users = match st.store.web_users().await {
        Ok(u) => u,
        Err(e) => return internal(e),
    };
    let known_teams = st
        .computed()
        .map(|c| {
            c.team_ids
                .iter()
                .zip(&c.team_names)
                .map(|(i, n)| format!("{i} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut r = render(&UsersPage {
        layout: Layout::new("Users", Some(who)),
        csrf: who.csrf.clone(),
        error,
        created,
        users: users
            .into_iter()
            .map(|u| UserView {
                id: u.id,
                name: u.username,
                role: u.role,
                teams: u.teams.join(","),
                disabled: u.disabled,
            })
            .collect(),
        roles: Role::ALL.iter().map(|r| (r.name(), r.label())).collect(),
        known_teams,
    });
    *r.status_mut() = status;
    r
}

pub async fn users(State(st): State<Shared>, Need(who, _): Need<Users>) -> Response {
    users_page(&st, &who, None, None).await
}

#[derive(Deserialize)]
pub struct NewUser {
    username: String,
    role: String,
    teams: Option<String>,
}

fn parse_teams(s: Option<&str>) -> Vec<String> {
    s.unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

pub async fn create_user(
    State(st): State<Shared>,
    Need(who, _): Need<Users>,
    Form(f): Form<NewUser>,
) -> Response {
    let username = f.username.trim().to_lowercase();
    let valid = (3..=40).contains(&username.len())
        && username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    let Some(role) = Role::parse(&f.role) else {
        return users_page(&st, &who, Some("Choose a role".into()), None).await;
    };
    if !valid {
        let e = "Enter a username of 3 to 40 letters, digits, dots, dashes or underscores";
        return users_page(&st, &who, Some(e.into()), None).await;
    }
    match st.store.web_user_by_name(&username).await {
        Ok(Some(_)) => {
            return users_page(&st, &who, Some("That username is taken".into()), None).await
        }
        Ok(None) => {}
        Err(e) => return internal(e),
    }
    let teams = if role == Role::Manager {
        parse_teams(f.teams.as_deref())
    } else {
        vec![]
    };
    let password = auth::random_password();
    let hash = match auth::hash_blocking(password.clone()).await {
        Ok(h) => h,
        Err(e) => return internal(e),
    };
    if let Err(e) = st
        .store
        .create_web_user(&username, &hash, role.name(), &teams, true)
        .await
    {
        return internal(e);
    }
    if let Err(r) = record_use(
        &st,
        &who,
        "web user created",
        None,
        &format!("{username} as {}", role.name()),
    )
    .await
    {
        return r;
    }
    users_page(&st, &who, None, Some((username, password))).await
}

#[derive(Deserialize)]
pub struct UserUpdate {
    role: String,
    teams: Option<String>,
    disabled: Option<String>,
}

pub async fn update_user(
    State(st): State<Shared>,
    Need(who, _): Need<Users>,
    Path(id): Path<i64>,
    Form(f): Form<UserUpdate>,
) -> Response {
    let Some(role) = Role::parse(&f.role) else {
        return users_page(&st, &who, Some("Choose a role".into()), None).await;
    };
    let disabled = f.disabled.is_some();
    if id == who.user.id && (disabled || role != Role::Admin) {
        let e = "You cannot disable your own account or remove your own administrator role";
        return users_page(&st, &who, Some(e.into()), None).await;
    }
    let target = match st.store.web_user(id).await {
        Ok(Some(u)) => u,
        Ok(None) => return not_found().await,
        Err(e) => return internal(e),
    };
    let teams = if role == Role::Manager {
        parse_teams(f.teams.as_deref())
    } else {
        vec![]
    };
    if let Err(e) = st
        .store
        .set_web_user_access(id, role.name(), &teams, disabled)
        .await
    {
        return internal(e);
    }
    if let Err(r) = record_use(
        &st,
        &who,
        "web user changed",
        None,
        &format!(
            "{}: {}, teams [{}]{}",
            target.username,
            role.name(),
            teams.join(","),
            if disabled { ", disabled" } else { "" }
        ),
    )
    .await
    {
        return r;
    }
    Redirect::to("/admin/users").into_response()
}

type AuditRow = (String, String, String, String, String);

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    q: String,
    rows: Vec<AuditRow>,
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    /// Only entries whose actor, action or detail contains this text.
    q: Option<String>,
}

pub async fn audit(
    State(st): State<Shared>,
    Need(who, _): Need<Audit>,
    Query(aq): Query<AuditQuery>,
) -> Response {
    let needle =
        aq.q.as_deref()
            .map(|q| q.trim().to_lowercase())
            .filter(|q| !q.is_empty());
    match st.store.audit_entries(20_000).await {
        Ok(entries) => render(&AuditPage {
            layout: Layout::new("Audit log", Some(&who)),
            q: needle.clone().unwrap_or_default(),
            rows: entries
                .into_iter()
                .filter(|e| {
                    needle.as_ref().is_none_or(|n| {
                        [&e.actor, &e.action, &e.detail]
                            .iter()
                            .any(|f| f.to_lowercase().contains(n.as_str()))
                    })
                })
                .take(500)
                .map(|e| {
                    (
                        e.at,
                        e.actor,
                        e.action,
                        e.snapshot.map(|s| s.to_string()).unwrap_or_default(),
                        e.detail,
                    )
                })
                .collect(),
        }),
        Err(e) => internal(e),
    }
}

pub async fn audit_csv(State(st): State<Shared>, Need(who, _): Need<Audit>) -> Response {
    // Recorded first: the export itself is part of the record.
    if let Err(r) = record_use(&st, &who, "web audit export", None, "audit.csv").await {
        return r;
    }
    let entries = match st.store.audit_entries(i64::MAX).await {
        Ok(e) => e,
        Err(e) => return internal(e),
    };
    let write = || -> Result<Vec<u8>, String> {
        let mut w = csv::Writer::from_writer(vec![]);
        w.write_record(["at", "actor", "action", "snapshot", "detail"])
            .map_err(|e| e.to_string())?;
        for e in &entries {
            w.write_record([
                e.at.as_str(),
                &e.actor,
                &e.action,
                &e.snapshot.map(|s| s.to_string()).unwrap_or_default(),
                &e.detail,
            ])
            .map_err(|e| e.to_string())?;
        }
        w.into_inner().map_err(|e| e.to_string())
    };
    match write() {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"audit.csv\"",
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => internal(e),
    }
}
