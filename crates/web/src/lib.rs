//! Sightline's web application: dashboards, indicator pages, work lists and child journeys for
//! signed-in users, over one store (SQLite or PostgreSQL). Server-rendered HTML from compiled
//! askama templates, charts as SVG, CSS embedded in the binary. The one script (an import's
//! progress) is served from `/assets` and only adds to a page that works without it.
//!
//! * [`policy`]: who may do what — the one place the server decides;
//! * [`auth`]: accounts, sessions, CSRF, login throttling, and the extractors that apply policy;
//! * [`cache`]: indicator series and work lists computed once per snapshot, off the request path;
//! * [`pages`]: the handlers and their templates;
//! * [`plan`]: the improvement plan's pages, edits and exports;
//! * [`imports`]: uploads imported in the background, with their progress.
//!
//! See `docs/web.md`.

pub mod auth;
pub mod cache;
pub mod imports;
pub mod pages;
pub mod plan;
pub mod policy;
pub mod svg;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use store::Store;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub bind: String,
    /// Sessions end after this long without a request…
    pub session_idle_seconds: i64,
    /// …and this long after sign-in in any case.
    pub session_max_seconds: i64,
    /// Mark cookies Secure even without a proxy's `X-Forwarded-Proto: https`.
    pub secure_cookies: bool,
    /// Work lists include what falls due within this many days.
    pub due_soon_days: i64,
    /// How often to look for a newer snapshot imported by someone else.
    pub poll_seconds: u64,
    /// The largest upload accepted (the whole form).
    pub upload_max_bytes: usize,
    /// The most an uploaded zip may unpack to.
    pub unpacked_max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            bind: "127.0.0.1:8080".into(),
            session_idle_seconds: 30 * 60,
            session_max_seconds: 12 * 3600,
            secure_cookies: false,
            due_soon_days: 7,
            poll_seconds: 30,
            upload_max_bytes: 512 << 20,
            unpacked_max_bytes: 4 << 30,
        }
    }
}

/// The server's shared state.
pub struct AppState {
    pub store: Store,
    pub options: Options,
    /// The latest snapshot, computed; None until the first computation ends (or no snapshot).
    pub computed: RwLock<Option<Arc<cache::Computed>>>,
    /// What the background computation is doing, for the pages and `/healthz`.
    pub status: RwLock<String>,
    /// Each snapshot's DfE validation, computed in the background when a snapshot is served, or when first asked for.
    pub validations: Mutex<HashMap<i64, cache::Validation>>,
    /// Uploads being imported, or imported, since the server started.
    pub imports: imports::Jobs,
}

pub type Shared = Arc<AppState>;

impl AppState {
    pub fn computed(&self) -> Option<Arc<cache::Computed>> {
        self.computed.read().ok().and_then(|c| c.clone())
    }
    fn set_status(&self, s: impl Into<String>) {
        if let Ok(mut g) = self.status.write() {
            *g = s.into();
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{0}")]
    Store(#[from] store::StoreError),
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

/// Creates the first administrator when the store has no accounts, with a random password to
/// be shown once (only its hash is stored; it must be changed at first sign-in).
pub async fn ensure_admin(store: &Store) -> Result<Option<(String, String)>, WebError> {
    if store.web_user_count().await? > 0 {
        return Ok(None);
    }
    let password = auth::random_password();
    let hash = auth::hash_blocking(password.clone())
        .await
        .map_err(WebError::Other)?;
    store
        .create_web_user("admin", &hash, policy::Role::Admin.name(), &[], true)
        .await?;
    Ok(Some(("admin".into(), password)))
}

/// (Re)computes the latest snapshot if it is not the one being served.
pub async fn refresh(state: &Shared) -> Result<(), WebError> {
    let Some(id) = state.store.latest_snapshot().await? else {
        state.set_status("no snapshot: import one");
        return Ok(());
    };
    if state.computed().is_some_and(|c| c.snapshot == id) {
        return Ok(());
    }
    state.set_status(format!("computing snapshot {id}"));
    let model = state.store.load(id).await?;
    let benchmarks = state.store.benchmarks().await?;
    let soon = state.options.due_soon_days;
    let computed =
        tokio::task::spawn_blocking(move || cache::Computed::build(id, model, &benchmarks, soon))
            .await
            .map_err(|e| WebError::Other(format!("computation stopped: {e}")))?;
    tracing::info!("snapshot {id} computed in {:.1}s", computed.seconds);
    if let Ok(mut g) = state.computed.write() {
        *g = Some(Arc::new(computed));
    }
    state.set_status("ready");
    // The new snapshot's DfE validation starts now, so its page is ready when first opened.
    cache::validation(state, id);
    Ok(())
}

/// The application's routes. Authorisation is in the extractors each handler takes
/// ([`auth::Need`]); CSRF and security headers wrap every route.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(pages::dashboard))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/logout", post(pages::logout))
        .route(
            "/account/password",
            get(pages::password_form).post(pages::change_password),
        )
        .route("/indicators/{id}", get(pages::indicator))
        .route("/indicators/{id}/children", get(pages::indicator_children))
        .route("/worklists", get(pages::worklist))
        .route("/worklists.csv", get(pages::worklist_csv))
        .route("/children/{id}", get(pages::child))
        .route("/data", get(pages::data))
        .route("/data/refresh", post(pages::data_refresh))
        .route(
            "/data/imports",
            post(imports::upload).layer(DefaultBodyLimit::max(state.options.upload_max_bytes)),
        )
        .route("/data/imports/{id}", get(imports::page))
        .route("/data/imports/{id}/status", get(imports::status))
        .route("/data/annex-a", get(pages::annex_a))
        .route(
            "/data/snapshots/{id}/validation",
            get(pages::snapshot_validation),
        )
        .route("/admin/users", get(pages::users).post(pages::create_user))
        .route("/admin/users/{id}", post(pages::update_user))
        .route("/admin/audit", get(pages::audit))
        .route("/admin/audit.csv", get(pages::audit_csv))
        .route("/plan", get(plan::page))
        .route("/plan.xlsx", get(plan::xlsx))
        .route("/plan/print", get(plan::print))
        .route("/plan/findings", post(plan::add_finding))
        .route("/plan/findings/register", post(plan::add_from_register))
        .route("/plan/actions", post(plan::add_action))
        .route("/plan/actions/{id}", post(plan::update_action))
        .route("/assets/sightline.css", get(pages::css))
        .route("/assets/plan-print.css", get(plan::print_css))
        .route("/assets/import-progress.js", get(imports::progress_js))
        .route("/healthz", get(pages::healthz))
        .fallback(pages::not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::csrf_guard,
        ))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Headers on every response: a content security policy with no inline script or style (scripts
/// only from the site's own `/assets`), no
/// framing, no MIME sniffing, no referrer outside the site, and no caching of pages that may hold child data.
async fn security_headers(req: Request, next: Next) -> Response {
    let is_asset = req.uri().path().starts_with("/assets/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
         img-src 'self' data:; form-action 'self'; \
         frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on form
    // posts, and addresses (which may name a child) still never leave the site.
    set(h, "referrer-policy", "same-origin");
    set(h, "x-frame-options", "DENY");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(
        h,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    );
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// A running server.
pub struct Running {
    pub addr: SocketAddr,
    pub state: Shared,
    pub task: tokio::task::JoinHandle<()>,
}

/// Binds, starts serving, and computes the latest snapshot in the background (pages say
/// so until it is ready); then looks for newer snapshots every `poll_seconds`.
pub async fn start(store: Store, options: Options) -> Result<Running, WebError> {
    let listener = tokio::net::TcpListener::bind(&options.bind)
        .await
        .map_err(|source| WebError::Bind {
            bind: options.bind.clone(),
            source,
        })?;
    let addr = listener.local_addr()?;
    let state: Shared = Arc::new(AppState {
        store,
        options,
        computed: RwLock::new(None),
        status: RwLock::new("starting".into()),
        validations: Mutex::new(HashMap::new()),
        imports: imports::Jobs::default(),
    });
    let bg = state.clone();
    tokio::spawn(async move {
        loop {
            if let Err(e) = refresh(&bg).await {
                tracing::warn!("computing the latest snapshot: {e}");
                bg.set_status(format!("computation failed: {e}"));
            }
            tokio::time::sleep(Duration::from_secs(bg.options.poll_seconds.max(1))).await;
        }
    });
    let app = router(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!("server stopped: {e}");
        }
    });
    Ok(Running { addr, state, task })
}

/// Serves until the process is stopped.
pub async fn serve(store: Store, options: Options) -> Result<(), WebError> {
    let running = start(store, options).await?;
    running
        .task
        .await
        .map_err(|e| WebError::Other(e.to_string()))
}
