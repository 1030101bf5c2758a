//! Black-box tests: the application on a random port over a fresh SQLite store holding a small
//! synthetic authority, driven over plain HTTP. For every route and role: who gets the page,
//! who 403 and who the login page; that a viewer never receives a child identifier and a
//! manager never another team's child; CSRF, session expiry, login throttling, security
//! headers, and that child-level views write audit rows.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use model::Date;
use store::{ImportMeta, Store};
use web::{Options, Shared};

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// The body as sent (for downloads).
    bytes: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn cookies(&self) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
            .map(|(_, v)| v.as_str())
            .collect()
    }
    /// The value of cookie `name` set by this response.
    fn cookie(&self, name: &str) -> Option<String> {
        self.cookies().iter().find_map(|c| {
            let first = c.split(';').next()?;
            let (k, v) = first.split_once('=')?;
            (k == name && !v.is_empty()).then(|| v.to_string())
        })
    }
    /// The CSRF token of the first form on the page.
    fn csrf(&self) -> String {
        let at = self
            .body
            .find("name=\"csrf\" value=\"")
            .expect("a form with a CSRF token");
        let rest = &self.body[at + 19..];
        rest[..rest.find('"').unwrap()].to_string()
    }
}

fn http(addr: SocketAddr, method: &str, path: &str, cookie: &str, body: &str) -> Resp {
    http_with(addr, method, path, cookie, body, &[])
}

fn http_with(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    body: &str,
    extra: &[(&str, &str)],
) -> Resp {
    let form = (method == "POST").then_some("application/x-www-form-urlencoded");
    http_bytes(addr, method, path, cookie, form, body.as_bytes(), extra)
}

/// A request with a body of any type (`content_type` None: no body headers).
fn http_bytes(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: &str,
    content_type: Option<&str>,
    body: &[u8],
    extra: &[(&str, &str)],
) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if !cookie.is_empty() {
        req.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    for (k, v) in extra {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if let Some(ct) = content_type {
        req.push_str(&format!(
            "Content-Type: {ct}\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    req.push_str("\r\n");
    let mut bytes_out = req.into_bytes();
    bytes_out.extend_from_slice(body);
    s.write_all(&bytes_out).unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n");
    let bytes = split.map(|at| raw[at + 4..].to_vec()).unwrap_or_default();
    let text = String::from_utf8_lossy(&raw).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
        bytes,
    }
}

/// A multipart/form-data body: (field, file name for a file, content). Returns the content type.
fn multipart(fields: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----sightline-test-7a1c";
    let mut body = vec![];
    for (name, file, bytes) in fields {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").bytes(),
        );
        if let Some(f) = file {
            body.extend(
                format!("; filename=\"{f}\"\r\nContent-Type: application/octet-stream").bytes(),
            );
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn enc(s: &str) -> String {
    web::auth::urlencode(s)
}

/// Signs in and returns the session cookie (`sl_session=…`).
fn login(addr: SocketAddr, user: &str, password: &str) -> String {
    let r = try_login(addr, user, password);
    assert_eq!(r.status, 303, "sign-in of {user}: {}", r.body);
    format!(
        "sl_session={}",
        r.cookie("sl_session").expect("a session cookie")
    )
}

fn try_login(addr: SocketAddr, user: &str, password: &str) -> Resp {
    let form = http(addr, "GET", "/login", "", "");
    let pre = form.cookie("sl_pre").expect("a pre-session cookie");
    http(
        addr,
        "POST",
        "/login",
        &format!("sl_pre={pre}"),
        &format!(
            "csrf={}&username={}&password={}&next=%2F",
            form.csrf(),
            enc(user),
            enc(password)
        ),
    )
}

const PASSWORD: &str = "a long test password";

struct App {
    addr: SocketAddr,
    state: Shared,
    admin_password: String,
    /// A team with a child on the work list, that child, and a child of another team.
    team: String,
    own_child: String,
    other_child: String,
    people: Vec<String>,
}

/// A fresh PostgreSQL schema when `SIGHTLINE_TEST_DATABASE_URL` names a server (else None:
/// the PostgreSQL test is skipped).
fn postgres_url(name: &str) -> Option<String> {
    let base = std::env::var("SIGHTLINE_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let schema = format!("web_{name}_{}", std::process::id());
    block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&base).await.unwrap();
        for sql in [
            format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
            format!("CREATE SCHEMA {schema}"),
        ] {
            sqlx::query(&sql).execute(&pool).await.unwrap();
        }
    });
    let sep = if base.contains('?') { '&' } else { '?' };
    Some(format!("{base}{sep}options=-c%20search_path%3D{schema}"))
}

/// Runs a server on its own thread and runtime, over SQLite or the given database.
fn start(with_data: bool, idle: i64) -> (SocketAddr, Shared, String) {
    start_on(None, with_data, idle)
}

fn start_on(url: Option<String>, with_data: bool, idle: i64) -> (SocketAddr, Shared, String) {
    // The server's warnings and errors (store errors behind a 500) appear in a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_env_filter("warn")
        .with_test_writer()
        .try_init();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let dir = tempfile::tempdir().unwrap();
            let url =
                url.unwrap_or_else(|| format!("sqlite://{}", dir.path().join("web.db").display()));
            let store = Store::open(&url).await.unwrap();
            if with_data {
                let cfg = synth::Config::new(1200, 11, Date::ymd(2026, 3, 31));
                let g = synth::generate(&cfg, &|_, _| {});
                let meta = ImportMeta {
                    kind: "ssd",
                    source: "synthetic",
                    label: None,
                };
                store
                    .import(&g.model.tables, &g.model.la, &[], meta, &|_, _, _| {})
                    .await
                    .unwrap();
            }
            let (_, admin_password) = web::ensure_admin(&store).await.unwrap().unwrap();
            let hash = web::auth::hash_password(PASSWORD).unwrap();
            for (name, role) in [
                ("analyst", "analyst"),
                ("manager", "manager"),
                ("viewer", "viewer"),
                ("throttled", "viewer"),
            ] {
                store
                    .create_web_user(name, &hash, role, &[], false)
                    .await
                    .unwrap();
            }
            let options = Options {
                bind: "127.0.0.1:0".into(),
                session_idle_seconds: idle,
                poll_seconds: 3600,
                ..Options::default()
            };
            let running = web::start(store, options).await.unwrap();
            servers()
                .lock()
                .unwrap()
                .push((key(&running.state), tokio::runtime::Handle::current()));
            tx.send((running.addr, running.state.clone(), admin_password))
                .unwrap();
            let _keep = dir;
            let _ = running.task.await;
        });
    });
    rx.recv().unwrap()
}

/// Each running server's runtime, by its state.
fn servers() -> &'static std::sync::Mutex<Vec<(usize, tokio::runtime::Handle)>> {
    static S: OnceLock<std::sync::Mutex<Vec<(usize, tokio::runtime::Handle)>>> = OnceLock::new();
    S.get_or_init(Default::default)
}

fn key(state: &Shared) -> usize {
    std::sync::Arc::as_ptr(state) as usize
}

/// Runs a call on a server's store from a test's thread, on the server's own runtime: a
/// PostgreSQL connection opened on a short-lived runtime dies with it, and the server's next
/// request on that pooled connection would fail.
fn on_server<F: std::future::Future>(state: &Shared, f: F) -> F::Output {
    let handle = servers()
        .lock()
        .unwrap()
        .iter()
        .find(|(k, _)| *k == key(state))
        .map(|(_, h)| h.clone())
        .expect("a server started by start_on");
    handle.block_on(f)
}

/// Runs a future to its end on a runtime of its own (for calls that touch no server's store).
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// Waits until the server has computed its snapshot.
fn wait_ready(addr: SocketAddr) {
    let t0 = Instant::now();
    while !http(addr, "GET", "/healthz", "", "")
        .body
        .starts_with("ready")
    {
        assert!(t0.elapsed() < Duration::from_secs(600), "never ready");
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn app() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let (addr, state, admin_password) = start(true, 1800);
        wait_ready(addr);
        let c = state.computed().unwrap();
        let first = c
            .worklist
            .iter()
            .find(|i| i.team.is_some())
            .expect("an allocated child with something due");
        let team = first.team.unwrap();
        let other = (0..c.allocation.len() as u32)
            .find(|&ch| c.allocation[ch as usize].0.is_some_and(|t| t != team))
            .expect("a child of another team");
        let team_id = c.team_ids[team as usize].clone();
        // The manager sees that team only.
        on_server(&state, async {
            let u = state
                .store
                .web_user_by_name("manager")
                .await
                .unwrap()
                .unwrap();
            state
                .store
                .set_web_user_access(u.id, "manager", std::slice::from_ref(&team_id), false)
                .await
                .unwrap();
        });
        App {
            addr,
            admin_password,
            team: team_id,
            own_child: c.person_id(first.child).to_string(),
            other_child: c.person_id(other).to_string(),
            people: c
                .model
                .tables
                .people
                .iter()
                .map(|p| p.pers_person_id.as_str().to_string())
                .collect(),
            state: state.clone(),
        }
    })
}

/// The admin's session, after the forced change of the one-time password.
fn admin_session(a: &App) -> String {
    static S: OnceLock<String> = OnceLock::new();
    S.get_or_init(|| first_admin_session(a.addr, &a.admin_password))
        .clone()
}

/// Signs the first administrator in with the one-time password and changes it.
fn first_admin_session(addr: SocketAddr, one_time: &str) -> String {
    let first = login(addr, "admin", one_time);
    // Until the password is changed, every page leads to the change form.
    let r = http(addr, "GET", "/", &first, "");
    assert_eq!(
        (r.status, r.header("location")),
        (303, Some("/account/password"))
    );
    let form = http(addr, "GET", "/account/password", &first, "");
    assert_eq!(form.status, 200);
    let body = format!(
        "csrf={}&current={}&new={}&confirm={}",
        form.csrf(),
        enc(one_time),
        enc("the admin's own password"),
        enc("the admin's own password")
    );
    let r = http(addr, "POST", "/account/password", &first, &body);
    assert_eq!(r.status, 303, "{}", r.body);
    // The old session ended with the change.
    assert_eq!(
        http(addr, "GET", "/account/password", &first, "").status,
        303
    );
    format!("sl_session={}", r.cookie("sl_session").unwrap())
}

fn audit_rows(a: &App) -> Vec<store::AuditEntry> {
    on_server(&a.state, a.state.store.audit_entries(100_000)).unwrap()
}

#[test]
fn every_route_answers_each_role_as_the_policy_says() {
    let a = app();
    let ind = "cp_visits_in_time";
    let ind = if a.state.computed().unwrap().indicator(ind).is_some() {
        ind.to_string()
    } else {
        indicators::catalogue()[0].id.to_string()
    };
    let routes: Vec<String> = vec![
        "/".into(),
        format!("/indicators/{ind}"),
        format!("/indicators/{ind}/children"),
        "/worklists".into(),
        "/worklists.csv".into(),
        format!("/children/{}", a.own_child),
        "/data".into(),
        "/data/annex-a?as_at=2026-03-31".into(),
        format!(
            "/data/snapshots/{}/validation",
            a.state.computed().unwrap().snapshot
        ),
        "/admin/users".into(),
        "/admin/audit".into(),
        "/admin/audit.csv".into(),
        "/account/password".into(),
    ];
    // Expected status per route for: viewer, manager, analyst, admin.
    let expected: [[u16; 4]; 13] = [
        [200, 200, 200, 200],
        [200, 200, 200, 200],
        [403, 200, 200, 200],
        [403, 200, 200, 200],
        [403, 200, 200, 200],
        [403, 200, 200, 200],
        [403, 403, 200, 200],
        [403, 403, 200, 200],
        [403, 403, 200, 200],
        [403, 403, 403, 200],
        [403, 403, 403, 200],
        [403, 403, 403, 200],
        [200, 200, 200, 200],
    ];
    let sessions = [
        login(a.addr, "viewer", PASSWORD),
        login(a.addr, "manager", PASSWORD),
        login(a.addr, "analyst", PASSWORD),
        admin_session(a),
    ];
    for (route, want) in routes.iter().zip(expected) {
        let anon = http(a.addr, "GET", route, "", "");
        assert_eq!(anon.status, 303, "anonymous {route}");
        assert!(anon.header("location").unwrap().starts_with("/login?next="));
        for (k, session) in sessions.iter().enumerate() {
            let r = http(a.addr, "GET", route, session, "");
            assert_eq!(
                r.status,
                want[k],
                "role {k} on {route}: {}",
                &r.body[..r.body.len().min(300)]
            );
            if k == 0 {
                // A viewer never receives a child identifier, whatever the page.
                for id in &a.people {
                    assert!(!r.body.contains(id.as_str()), "viewer got {id} on {route}");
                }
            }
        }
    }
    // State-changing routes.
    let [viewer, manager, analyst, admin] = &sessions;
    for session in [viewer, manager, analyst] {
        let page = http(a.addr, "GET", "/account/password", session, "");
        let body = format!("csrf={}", page.csrf());
        assert_eq!(
            http(a.addr, "POST", "/data/refresh", session, &body).status,
            403
        );
        let body = format!("csrf={}&username=newbie&role=viewer", page.csrf());
        assert_eq!(
            http(a.addr, "POST", "/admin/users", session, &body).status,
            403
        );
        assert_eq!(
            http(a.addr, "POST", "/admin/users/1", session, &body).status,
            403
        );
    }
    let page = http(a.addr, "GET", "/admin/users", admin, "");
    let body = format!("csrf={}", page.csrf());
    assert_eq!(
        http(a.addr, "POST", "/data/refresh", admin, &body).status,
        303
    );
    let anon = http(a.addr, "POST", "/data/refresh", "", "csrf=x");
    assert_eq!(
        anon.status, 403,
        "no session, no pre-session cookie: CSRF fails first"
    );
    assert_eq!(http(a.addr, "GET", "/no/such/page", "", "").status, 404);
}

#[test]
fn the_validation_page_shows_each_return_by_rule_and_by_child() {
    let a = app();
    let c = a.state.computed().unwrap();
    let path = format!("/data/snapshots/{}/validation", c.snapshot);
    let analyst = login(a.addr, "analyst", PASSWORD);
    // Computed in the background: the page says so (with a link to refresh) until it is done.
    let t0 = Instant::now();
    let page = loop {
        let r = http(a.addr, "GET", &path, &analyst, "");
        assert_eq!(r.status, 200, "{}", r.body);
        if !r.body.contains("being computed") {
            break r;
        }
        assert!(r.body.contains(&format!("href=\"{path}\"")));
        assert!(
            t0.elapsed() < Duration::from_secs(600),
            "validation never ended"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let expected = store::validation::validate_model(&c.model).unwrap();
    assert_eq!(expected.len(), 2);
    // The store holds no postcode lookup: the 903 rules needing one are listed as not run.
    let no_lookup: Vec<&str> = expected[0]
        .skipped
        .iter()
        .filter(|(_, why)| why == store::validation::NEEDS_POSTCODES)
        .map(|(code, _)| code.as_str())
        .collect();
    assert!(no_lookup.contains(&"169"), "{no_lookup:?}");
    assert!(
        page.body.contains(&format!(
            "{} for want of a postcode lookup ({})",
            no_lookup.len(),
            no_lookup.join(", ")
        )),
        "{}",
        page.body
    );
    assert!(!expected[0].by_rule.iter().any(|x| x.code == "392c"));
    for r in &expected {
        assert!(
            page.body.contains(&format!("{} {}", r.name, r.year)),
            "{}",
            r.name
        );
        for x in &r.by_rule {
            let row = format!(
                "<td>{}</td><td>{}</td><td>{}</td><td class=\"sl-num\">{}</td>",
                x.code,
                x.rule_type,
                askama_escape(x.message),
                x.count
            );
            assert!(
                page.body.contains(&row),
                "{} rule {} missing",
                r.name,
                x.code
            );
        }
        for (child, codes) in r.by_child.iter().take(50) {
            let cell = format!("{child}</a></td><td>{}</td>", codes.join(", "));
            let plain = format!("<td>{child}</td><td>{}</td>", codes.join(", "));
            assert!(
                page.body.contains(&cell) || page.body.contains(&plain),
                "{} child {child} missing",
                r.name
            );
        }
    }
    assert!(
        expected.iter().any(|r| !r.by_rule.is_empty()),
        "the synthetic authority raises no finding: the page's tables go untested"
    );
    // Seeing it by child is a child-level view, and audited.
    assert!(audit_rows(a).iter().any(|e| e.actor == "analyst"
        && e.action == "web validation children"
        && e.snapshot == Some(c.snapshot)));
    assert_eq!(
        http(
            a.addr,
            "GET",
            "/data/snapshots/987654/validation",
            &analyst,
            ""
        )
        .status,
        404
    );
}

/// HTML escaping as askama writes it, for comparing rule messages.
fn askama_escape(s: &str) -> String {
    s.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[test]
fn journeys_read_each_childs_rows_grouped_once_per_snapshot() {
    let a = app();
    let c = a.state.computed().unwrap();
    let t = &c.model.tables;
    let j = &c.journey_rows;
    let mut seen = 0;
    for (ix, p) in t.people.iter().enumerate() {
        let id = p.pers_person_id.as_str();
        let ix = ix as u32;
        let contacts = t
            .contacts
            .iter()
            .filter(|x| x.cont_person_id.as_str() == id);
        assert_eq!(j.contacts.of(ix).len(), contacts.count(), "{id}");
        let visits = t
            .cp_visits
            .iter()
            .filter(|x| x.cppv_person_id.as_str() == id);
        assert_eq!(j.cp_visits.of(ix).len(), visits.count(), "{id}");
        let periods: Vec<&str> = t
            .cla_episodes
            .iter()
            .filter(|x| x.clae_person_id.as_str() == id)
            .map(|x| x.clae_cla_id.as_str())
            .collect();
        let reviews = t
            .cla_reviews
            .iter()
            .filter(|x| periods.contains(&x.clar_cla_id.as_str()));
        assert_eq!(j.cla_reviews.of(ix).len(), reviews.count(), "{id}");
        seen += j.cla_reviews.of(ix).len() + j.contacts.of(ix).len();
    }
    assert!(
        seen > 0,
        "no child has contacts or reviews: the grouping goes untested"
    );
    // And the page shows them: a looked-after child's reviews are on their journey.
    let ix = (0..t.people.len() as u32)
        .find(|&i| !j.cla_reviews.of(i).is_empty())
        .expect("a child with a looked-after review");
    let analyst = login(a.addr, "analyst", PASSWORD);
    let page = http(
        a.addr,
        "GET",
        &format!("/children/{}", c.person_id(ix)),
        &analyst,
        "",
    );
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Looked-after child review"));
}

#[test]
fn viewers_see_small_numbers_suppressed_and_others_see_them() {
    let a = app();
    let c = a.state.computed().unwrap();
    let Some(d) = c
        .indicators
        .iter()
        .find(|d| d.latest().is_some_and(|f| f.suppress))
    else {
        panic!("the synthetic authority has no figure on 1–4 records");
    };
    let path = format!("/indicators/{}", d.ind.id);
    let viewer = login(a.addr, "viewer", PASSWORD);
    let analyst = login(a.addr, "analyst", PASSWORD);
    let v = http(a.addr, "GET", &path, &viewer, "");
    let latest = |body: &str| {
        let at = body.find("<dt>Latest").unwrap();
        let dd = &body[at..];
        let s = dd.find("<dd>").unwrap() + 4;
        dd[s..s + dd[s..].find("</dd>").unwrap()].to_string()
    };
    assert_eq!(latest(&v.body), "c");
    assert!(!v.body.contains("children behind this figure"));
    let x = http(a.addr, "GET", &path, &analyst, "");
    assert_ne!(latest(&x.body), "c");
    assert!(x.body.contains("children behind this figure"));
}

#[test]
fn managers_see_only_their_teams_children() {
    let a = app();
    let manager = login(a.addr, "manager", PASSWORD);
    let mine = http(
        a.addr,
        "GET",
        &format!("/children/{}", a.own_child),
        &manager,
        "",
    );
    assert_eq!(mine.status, 200);
    assert!(mine.body.contains(&a.own_child));
    let theirs = http(
        a.addr,
        "GET",
        &format!("/children/{}", a.other_child),
        &manager,
        "",
    );
    assert_eq!(theirs.status, 403);
    assert!(!theirs.body.contains(&a.other_child));
    // Unknown children look the same as other teams' children.
    assert_eq!(
        http(a.addr, "GET", "/children/NOPE", &manager, "").status,
        403
    );
    let analyst = login(a.addr, "analyst", PASSWORD);
    assert_eq!(
        http(a.addr, "GET", "/children/NOPE", &analyst, "").status,
        404
    );

    // Lists hold only the team's children, even when another team is asked for.
    let c = a.state.computed().unwrap();
    let outside: Vec<&str> = (0..c.allocation.len() as u32)
        .filter(|&ch| c.child_team_id(ch) != Some(a.team.as_str()))
        .map(|ch| c.person_id(ch))
        .collect();
    let other_team = c.team_ids.iter().find(|t| **t != a.team).unwrap();
    let ind = c
        .indicators
        .iter()
        .find(|d| !d.units.is_empty())
        .unwrap()
        .ind
        .id;
    for path in [
        "/worklists".to_string(),
        "/worklists.csv".to_string(),
        format!("/worklists?team={other_team}"),
        format!("/indicators/{ind}/children"),
    ] {
        let r = http(a.addr, "GET", &path, &manager, "");
        assert_eq!(r.status, 200, "{path}");
        for id in &outside {
            assert!(
                !r.body.contains(&format!(">{id}<")) && !r.body.contains(&format!("{id},")),
                "{path} shows {id}"
            );
        }
    }
    let csv = http(a.addr, "GET", "/worklists.csv", &manager, "");
    assert!(
        csv.body.contains(&a.own_child),
        "the manager's own child is listed"
    );
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
}

#[test]
fn child_level_views_and_exports_are_audited() {
    let a = app();
    // Users of this test alone: the other tests share the server and write audit rows of
    // their own while this one counts.
    let hash = web::auth::hash_password(PASSWORD).unwrap();
    on_server(&a.state, async {
        let store = &a.state.store;
        let team = std::slice::from_ref(&a.team);
        store
            .create_web_user("audited-manager", &hash, "manager", team, false)
            .await
            .unwrap();
        store
            .create_web_user("audited-analyst", &hash, "analyst", &[], false)
            .await
            .unwrap();
    });
    let own_rows = |actor: &str| -> Vec<store::AuditEntry> {
        audit_rows(a)
            .into_iter()
            .filter(|e| e.actor == actor)
            .collect()
    };
    let manager = login(a.addr, "audited-manager", PASSWORD);
    let before = own_rows("audited-manager").len();
    let r = http(
        a.addr,
        "GET",
        &format!("/children/{}?reason=core+group+meeting", a.own_child),
        &manager,
        "",
    );
    assert_eq!(r.status, 200);
    http(a.addr, "GET", "/worklists.csv", &manager, "");
    let rows = own_rows("audited-manager");
    assert_eq!(rows.len(), before + 2);
    assert!(rows.iter().any(|e| e.action == "web child journey"
        && e.detail == format!("child {}; reason: core group meeting", a.own_child)));
    assert!(rows.iter().any(|e| e.action == "web work list export"));
    // The Annex A workbook is child-level too.
    let analyst = login(a.addr, "audited-analyst", PASSWORD);
    let n = own_rows("audited-analyst").len();
    let x = http(
        a.addr,
        "GET",
        "/data/annex-a?as_at=2026-01-31",
        &analyst,
        "",
    );
    assert_eq!(x.status, 200);
    assert!(x.body.starts_with("PK"), "an xlsx (zip) file");
    let rows = own_rows("audited-analyst");
    assert_eq!(rows.len(), n + 1);
    assert!(rows
        .iter()
        .any(|e| e.action == "web annex a export" && e.detail == "annex-a-2026-01-31.xlsx"));
    // A date after the snapshot's, or no date at all, is refused without an audit row.
    let bad = http(
        a.addr,
        "GET",
        "/data/annex-a?as_at=2027-01-01",
        &analyst,
        "",
    );
    assert_eq!(bad.status, 400);
    assert_eq!(
        http(a.addr, "GET", "/data/annex-a?as_at=soon", &analyst, "").status,
        400
    );
    assert_eq!(own_rows("audited-analyst").len(), n + 1);
    // Aggregate pages are not child-level: no rows.
    let n = own_rows("audited-manager").len();
    http(a.addr, "GET", "/", &manager, "");
    assert_eq!(own_rows("audited-manager").len(), n);
    // The admin reads the log, and exporting it is itself recorded.
    let admin = admin_session(a);
    let page = http(a.addr, "GET", "/admin/audit", &admin, "");
    assert!(page.body.contains("web child journey"));
    // Searching the log: by child, only that child's entries.
    let found = http(
        a.addr,
        "GET",
        &format!("/admin/audit?q={}", a.own_child),
        &admin,
        "",
    );
    assert!(found.body.contains("web child journey"));
    assert!(!found.body.contains("web work list export"));
    let csv = http(a.addr, "GET", "/admin/audit.csv", &admin, "");
    assert!(csv.body.starts_with("at,actor,action,snapshot,detail"));
    assert!(csv.body.contains("web audit export"));
}

#[test]
fn forms_without_the_session_csrf_token_are_refused() {
    let a = app();
    let admin = admin_session(a);
    let page = http(a.addr, "GET", "/admin/users", &admin, "");
    let good = page.csrf();
    let form = |csrf: &str, name: &str| format!("csrf={csrf}&username={name}&role=viewer");
    for body in [
        "username=csrf1&role=viewer".to_string(),
        form("0000", "csrf2"),
        form(&good[..good.len() - 1], "csrf3"),
    ] {
        let r = http(a.addr, "POST", "/admin/users", &admin, &body);
        assert_eq!(r.status, 403, "{body}");
    }
    // A request from another site is refused even with the token.
    let r = http_with(
        a.addr,
        "POST",
        "/admin/users",
        &admin,
        &form(&good, "csrf4"),
        &[("Origin", "https://evil.example")],
    );
    assert_eq!(r.status, 403);
    // Another session's token does not do either.
    let analyst = login(a.addr, "analyst", PASSWORD);
    let theirs = http(a.addr, "GET", "/account/password", &analyst, "").csrf();
    assert_ne!(theirs, good);
    assert_eq!(
        http(
            a.addr,
            "POST",
            "/admin/users",
            &admin,
            &form(&theirs, "csrf5")
        )
        .status,
        403
    );
    let r = http(
        a.addr,
        "POST",
        "/admin/users",
        &admin,
        &form(&good, "csrf6"),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Account csrf6 created"));
    // Same-site posts from a browser: the site's own origin, or an opaque `null` one.
    for (origin, name) in [
        (format!("http://{}", a.addr), "csrf7"),
        ("null".into(), "csrf8"),
    ] {
        let r = http_with(
            a.addr,
            "POST",
            "/admin/users",
            &admin,
            &form(&good, name),
            &[("Origin", origin.as_str())],
        );
        assert_eq!(r.status, 200, "Origin {origin}");
    }
    // Sign-in without the pre-session cookie's token.
    let r = http(a.addr, "POST", "/login", "", "username=viewer&password=x");
    assert_eq!(r.status, 403);
}

#[test]
fn responses_carry_the_security_headers_and_cookies_are_locked_down() {
    let a = app();
    let viewer = login(a.addr, "viewer", PASSWORD);
    for (path, session) in [("/login", ""), ("/", viewer.as_str()), ("/nope", "")] {
        let r = http(a.addr, "GET", path, session, "");
        let csp = r.header("content-security-policy").unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(r.header("referrer-policy"), Some("same-origin"));
        assert_eq!(r.header("x-frame-options"), Some("DENY"));
        assert_eq!(r.header("cache-control"), Some("no-store"));
        // No inline script or style at all.
        assert!(!r.body.contains("<script") && !r.body.contains("style="));
    }
    let r = try_login(a.addr, "viewer", PASSWORD);
    let c = r
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("sl_session="))
        .unwrap()
        .to_string();
    assert!(c.contains("HttpOnly") && c.contains("SameSite=Strict") && !c.contains("Secure"));
    // Behind a TLS-terminating proxy the cookie is Secure.
    let form = http(a.addr, "GET", "/login", "", "");
    let pre = form.cookie("sl_pre").unwrap();
    let r = http_with(
        a.addr,
        "POST",
        "/login",
        &format!("sl_pre={pre}"),
        &format!(
            "csrf={}&username=viewer&password={}",
            form.csrf(),
            enc(PASSWORD)
        ),
        &[("X-Forwarded-Proto", "https")],
    );
    let c = r
        .cookies()
        .into_iter()
        .find(|c| c.starts_with("sl_session="))
        .unwrap()
        .to_string();
    assert!(c.contains("; Secure"));
    // Logging out ends the session on the server, not just in the browser.
    let page = http(a.addr, "GET", "/account/password", &viewer, "");
    let out = http(
        a.addr,
        "POST",
        "/logout",
        &viewer,
        &format!("csrf={}", page.csrf()),
    );
    assert_eq!(out.status, 303);
    assert_eq!(http(a.addr, "GET", "/", &viewer, "").status, 303);
    // Off-site "next" targets are ignored.
    let form = http(a.addr, "GET", "/login", "", "");
    let pre = form.cookie("sl_pre").unwrap();
    let r = http(
        a.addr,
        "POST",
        "/login",
        &format!("sl_pre={pre}"),
        &format!(
            "csrf={}&username=viewer&password={}&next=%2F%2Fevil.example",
            form.csrf(),
            enc(PASSWORD)
        ),
    );
    assert_eq!(r.header("location"), Some("/"));
}

#[test]
fn sessions_expire_and_sign_in_is_throttled() {
    // A server of its own, with a two-second idle limit and no data.
    expiry_and_throttling(start(false, 2).0);
}

#[test]
fn the_application_runs_on_postgresql() {
    let Some(url) = postgres_url("throttle") else {
        eprintln!("SIGHTLINE_TEST_DATABASE_URL not set: PostgreSQL test skipped");
        return;
    };
    expiry_and_throttling(start_on(Some(url), false, 2).0);
    // With data: pages, scoping and audit rows as on SQLite.
    let url = postgres_url("data").unwrap();
    let (addr, state, _) = start_on(Some(url), true, 1800);
    wait_ready(addr);
    let c = state.computed().unwrap();
    let child = c.person_id(c.worklist[0].child).to_string();
    let analyst = login(addr, "analyst", PASSWORD);
    for path in ["/", "/worklists", "/data", &format!("/children/{child}")] {
        assert_eq!(http(addr, "GET", path, &analyst, "").status, 200, "{path}");
    }
    let viewer = login(addr, "viewer", PASSWORD);
    assert_eq!(
        http(addr, "GET", &format!("/children/{child}"), &viewer, "").status,
        403
    );
    let rows = on_server(&state, state.store.audit_entries(100)).unwrap();
    assert!(rows
        .iter()
        .any(|e| e.actor == "analyst" && e.detail == format!("child {child}")));
}

fn expiry_and_throttling(addr: SocketAddr) {
    let s = login(addr, "viewer", PASSWORD);
    assert_eq!(http(addr, "GET", "/account/password", &s, "").status, 200);
    // Idle for over two whole seconds (times are kept in seconds).
    std::thread::sleep(Duration::from_millis(3300));
    let r = http(addr, "GET", "/account/password", &s, "");
    assert_eq!(r.status, 303);
    assert!(r.header("location").unwrap().contains("expired=1"));
    // Expired sessions are deleted: coming back later does not revive them.
    assert_eq!(http(addr, "GET", "/account/password", &s, "").status, 303);

    // Five wrong passwords lock the account for a while; even the right one is then refused.
    for _ in 0..5 {
        assert_eq!(try_login(addr, "throttled", "wrong password!").status, 401);
    }
    let r = try_login(addr, "throttled", PASSWORD);
    assert_eq!(r.status, 429);
    assert!(r.cookie("sl_session").is_none());
    // Other accounts are unaffected.
    let again = login(addr, "viewer", PASSWORD);
    // Signing in over a live session checks the sign-in form's own (pre-session) token.
    let form = http(addr, "GET", "/login", &again, "");
    let pre = form.cookie("sl_pre").unwrap();
    let r = http(
        addr,
        "POST",
        "/login",
        &format!("{again}; sl_pre={pre}"),
        &format!(
            "csrf={}&username=viewer&password={}",
            form.csrf(),
            enc(PASSWORD)
        ),
    );
    assert_eq!(r.status, 303);
    // Unknown names and wrong passwords get the same answer.
    let unknown = try_login(addr, "nobody", "wrong password!");
    assert_eq!(unknown.status, 401);
    assert!(unknown
        .body
        .contains("Enter a correct username and password"));
}

// ---------------------------------------------------------------- the improvement plan

fn plan_of(state: &Shared) -> ofsted::plan::Plan {
    on_server(state, state.store.plan(None)).unwrap()
}

/// The plan through the web app and back out of the store: an analyst adds a finding and an
/// overdue action linked to an indicator, then updates it; viewers read it all (exports
/// included) and cannot change it, nor can managers; bad input is refused with what was typed.
/// `tag` keeps the findings of runs on one store apart.
fn plan_round_trip(addr: SocketAddr, state: &Shared, tag: &str) {
    let analyst = login(addr, "analyst", PASSWORD);
    let viewer = login(addr, "viewer", PASSWORD);
    let manager = login(addr, "manager", PASSWORD);
    let page = http(addr, "GET", "/plan", &analyst, "");
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("action=\"/plan/findings\""));
    let csrf = page.csrf();
    let post = |path: &str, body: String| http(addr, "POST", path, &analyst, &body);

    // A finding typed in.
    let text = format!("Decisions at the front door are not consistent ({tag})");
    let r = post(
        "/plan/findings",
        format!(
            "csrf={csrf}&kind=improvement&text={}&tag={}",
            enc(&text),
            enc("Outcome 4, national framework")
        ),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let plan = plan_of(state);
    let f = plan.findings.iter().find(|f| f.text == text).unwrap();
    assert_eq!(f.source, "typed in");
    assert_eq!(f.tag.as_deref(), Some("Outcome 4, national framework"));
    let finding = f.id;

    // Bad input: the form comes back with every problem and what was typed; nothing stored.
    let before = plan_of(state);
    let r = post(
        "/plan/actions",
        format!(
            "csrf={csrf}&finding={finding}&description=&owner={}&due=31%2F02%2F2027&status=in_progress&rag=auto&indicator=no_such_indicator",
            enc("Head of MASH")
        ),
    );
    assert_eq!(r.status, 400, "{}", &r.body[..r.body.len().min(600)]);
    assert!(r.body.contains("There is a problem"));
    assert!(r.body.contains("Enter what will be done"));
    assert!(r.body.contains("as a real date"));
    assert!(r
        .body
        .contains("no_such_indicator&#34; is not an indicator in the catalogue"));
    assert!(r.body.contains(&format!("href=\"#action-{finding}-due\"")));
    assert!(
        r.body.contains("value=\"Head of MASH\""),
        "what was typed is kept"
    );
    assert!(r.body.contains("value=\"31/02/2027\""));
    let r = post(
        "/plan/findings",
        format!("csrf={csrf}&kind=improvement&text=++"),
    );
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Enter the finding"));
    assert_eq!(plan_of(state), before);

    // An overdue action linked to an indicator whose latest figure is on 1–4 records.
    let c = state.computed().unwrap();
    let small = c
        .indicators
        .iter()
        .find(|d| d.latest().is_some_and(|f| f.suppress))
        .expect("a figure on 1–4 records")
        .ind;
    let description = format!("Audit 50 contacts a month ({tag})");
    let r = post(
        "/plan/actions",
        format!(
            "csrf={csrf}&finding={finding}&description={}&owner={}&due=2020-01-31&status=in_progress&rag=auto&indicator={}",
            enc(&description),
            enc("Head of MASH"),
            small.id
        ),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let plan = plan_of(state);
    let a = plan
        .actions
        .iter()
        .find(|a| a.description == description)
        .unwrap()
        .clone();
    assert_eq!(
        (a.finding_id, a.owner.as_str(), a.due.to_string(), a.status),
        (
            finding,
            "Head of MASH",
            "2020-01-31".into(),
            ofsted::plan::Status::InProgress
        )
    );
    assert_eq!(a.indicators, vec![small.id.to_string()]);

    // Updated: owner, due date, RAG by hand, an evidence note with its link.
    let r = post(
        &format!("/plan/actions/{}", a.id),
        format!(
            "csrf={csrf}&description={}&owner={}&due=2020-02-29&status=blocked&rag=amber&note={}&link={}&indicators_shown=1&indicator={}",
            enc(&description),
            enc("Service manager, front door"),
            enc("Audit minutes"),
            enc("https://example.org/minutes"),
            small.id
        ),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let after = plan_of(state);
    let b = after.actions.iter().find(|x| x.id == a.id).unwrap();
    assert_eq!(b.owner, "Service manager, front door");
    assert_eq!(b.due.to_string(), "2020-02-29");
    assert_eq!(b.status, ofsted::plan::Status::Blocked);
    assert_eq!(b.rag_override, Some(ofsted::plan::Rag::Amber));
    assert_eq!(b.evidence.len(), 1);
    assert_eq!(b.evidence[0].note, "Audit minutes");
    assert_eq!(
        b.evidence[0].link.as_deref(),
        Some("https://example.org/minutes")
    );
    // An unsafe link is refused.
    let r = post(
        &format!("/plan/actions/{}", a.id),
        format!("csrf={csrf}&note=x&link={}", enc("javascript:alert(1)")),
    );
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Enter the link as a web address"));
    // Who changed what is in the audit log.
    let audit = on_server(state, state.store.audit_entries(100_000)).unwrap();
    assert!(audit.iter().any(|e| e.actor == "analyst"
        && e.action == "web plan action updated"
        && e.detail.contains(&format!(
            "action {}: owner Head of MASH → Service manager, front door",
            a.id
        ))
        && e.detail.contains("due 2020-01-31 → 2020-02-29")
        && e.detail.contains("RAG auto → amber")));
    assert!(audit
        .iter()
        .any(|e| e.actor == "analyst" && e.action == "web plan finding added"));

    // The viewer reads it: the finding, the action, overdue in words, the indicator's trend
    // with its small number suppressed; and no form to change anything.
    let v = http(addr, "GET", "/plan", &viewer, "");
    assert_eq!(v.status, 200);
    assert!(v.body.contains(&text) && v.body.contains(&description));
    assert!(v.body.contains("Service manager, front door"));
    assert!(v
        .body
        .contains("Overdue</strong> Due 2020-02-29: overdue by"));
    assert!(v
        .body
        .contains("sl-tag--amber\">Amber</strong> set by hand"));
    assert!(v
        .body
        .contains("href=\"https://example.org/minutes\">Audit minutes</a>"));
    assert!(v
        .body
        .contains(&format!("href=\"/indicators/{}\"", small.id)));
    assert!(v.body.contains("class=\"sl-spark\""));
    assert!(
        v.body.contains("<td>c</td>"),
        "the viewer sees the small figure suppressed"
    );
    assert!(!v.body.contains("method=\"post\" action=\"/plan"));
    let x = http(addr, "GET", "/plan", &analyst, "");
    assert!(!x.body.contains("<td>c</td>"));
    assert!(x
        .body
        .contains(&format!("action=\"/plan/actions/{}\"", a.id)));
    for id in c.model.tables.people.iter().take(200) {
        assert!(!v.body.contains(id.pers_person_id.as_str()));
    }

    // Viewers and managers may not change it, whatever they post; nothing changes.
    let before = plan_of(state);
    for session in [&viewer, &manager] {
        let token = http(addr, "GET", "/plan", session, "").csrf();
        for (path, body) in [
            (
                "/plan/findings",
                format!("csrf={token}&kind=improvement&text=x"),
            ),
            (
                "/plan/actions",
                format!("csrf={token}&finding={finding}&description=x&owner=y&due=2030-01-01"),
            ),
            (
                &format!("/plan/actions/{}", a.id) as &str,
                format!("csrf={token}&status=complete&note=done"),
            ),
            (
                "/plan/findings/register",
                format!("csrf={token}&inspection=0"),
            ),
        ] {
            let r = http(addr, "POST", path, session, &body);
            assert_eq!(r.status, 403, "{path}");
        }
    }
    // Without the CSRF token even an analyst is refused.
    let r = http(
        addr,
        "POST",
        &format!("/plan/actions/{}", a.id),
        &analyst,
        "status=complete",
    );
    assert_eq!(r.status, 403);
    assert_eq!(plan_of(state), before);

    // The exports: the workbook opens and holds the action, flagged overdue; the printable
    // page links its own style sheet (no inline style under the CSP).
    let xl = http(addr, "GET", "/plan.xlsx", &viewer, "");
    assert_eq!(xl.status, 200);
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xl.bytes)).unwrap();
    let sheet = wb.worksheet_range("Improvement plan").unwrap();
    let row = sheet
        .rows()
        .find(|r| {
            r.iter()
                .any(|c| c.to_string() == format!("{text} — {description}"))
        })
        .expect("the action's row");
    let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
    assert!(cells.contains(&"overdue".to_string()), "{cells:?}");
    assert!(cells.contains(&"Service manager, front door".to_string()));
    assert!(cells.iter().any(|c| c.contains("Audit minutes")));
    let p = http(addr, "GET", "/plan/print", &viewer, "");
    assert_eq!(p.status, 200);
    assert!(p.body.contains(&description) && p.body.contains("(overdue)"));
    assert!(p.body.contains("href=\"/assets/plan-print.css\""));
    assert!(!p.body.contains("<style") && !p.body.contains("style="));
    let css = http(addr, "GET", "/assets/plan-print.css", "", "");
    assert!(css.body.contains("@media print"));
}

#[test]
fn the_improvement_plan_round_trips_and_viewers_only_read_it() {
    let a = app();
    plan_round_trip(a.addr, &a.state, "sqlite");
}

#[test]
fn the_improvement_plan_round_trips_on_postgresql() {
    let Some(url) = postgres_url("plan") else {
        eprintln!("SIGHTLINE_TEST_DATABASE_URL not set: PostgreSQL test skipped");
        return;
    };
    let (addr, state, _) = start_on(Some(url), true, 1800);
    wait_ready(addr);
    plan_round_trip(addr, &state, "postgresql");
}

/// Waits for an import to end and returns its status (JSON).
fn import_outcome(addr: SocketAddr, session: &str, page: &str) -> String {
    let t0 = Instant::now();
    loop {
        let r = http(addr, "GET", &format!("{page}/status"), session, "");
        assert_eq!(r.status, 200, "{}", r.body);
        assert!(r.header("content-type").unwrap().contains("json"));
        if r.body.contains("\"finished\":true") {
            return r.body;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(300),
            "import never ended"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn upload_round_trip(url: Option<String>) {
    let (addr, state, one_time) = start_on(url, false, 1800);
    let admin = first_admin_session(addr, &one_time);
    let snapshots = || on_server(&state, state.store.snapshots()).unwrap();
    // An extract of a small synthetic authority, as the files a user would choose.
    let cfg = synth::Config::new(400, 5, Date::ymd(2026, 3, 31));
    let g = synth::generate(&cfg, &|_, _| {});
    let dir = tempfile::tempdir().unwrap();
    formats::ssd::write_dir(&g.model, dir.path()).unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.iter().any(|(n, _)| n == "la.json"));
    let form = |csrf: &str, kind: &str, files: &[(String, Vec<u8>)]| {
        let mut fields: Vec<(&str, Option<&str>, &[u8])> = vec![
            ("csrf", None, csrf.as_bytes()),
            ("kind", None, kind.as_bytes()),
        ];
        for (n, b) in files {
            fields.push(("files", Some(n.as_str()), b.as_slice()));
        }
        // The empty file input a browser sends when nothing is chosen.
        fields.push(("previous", Some(""), b""));
        multipart(&fields)
    };
    let post = |session: &str, (ct, body): (String, Vec<u8>)| {
        http_bytes(
            addr,
            "POST",
            "/data/imports",
            session,
            Some(&ct),
            &body,
            &[],
        )
    };

    let page = http(addr, "GET", "/data", &admin, "");
    assert!(
        page.body.contains("action=\"/data/imports\""),
        "{}",
        page.body
    );
    let csrf = page.csrf();
    // Only administrators import, and never without the form's token.
    let analyst = login(addr, "analyst", PASSWORD);
    let analyst_csrf = http(addr, "GET", "/data", &analyst, "").csrf();
    assert!(!http(addr, "GET", "/data", &analyst, "")
        .body
        .contains("action=\"/data/imports\""));
    assert_eq!(
        post(&analyst, form(&analyst_csrf, "ssd", &files)).status,
        403
    );
    assert_eq!(post(&admin, form("forged", "ssd", &files)).status, 403);
    // A form that cannot start an import says why, on the Data page.
    let r = post(&admin, form(&csrf, "903", &files));
    assert_eq!(r.status, 400);
    assert!(r.body.contains("collection year"), "{}", r.body);
    assert!(snapshots().is_empty());

    // A bad file: the import fails and nothing is stored.
    let mut bad = files.clone();
    let person = bad.iter_mut().find(|(n, _)| n == "ssd_person.csv").unwrap();
    let text = String::from_utf8(person.1.clone()).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[1] = lines[1].replacen(',', ",not-a-date-or-id,", 1);
    person.1 = (lines.join("\n") + "\n").into_bytes();
    let failing = bad.clone();
    let r = post(&admin, form(&csrf, "ssd", &failing));
    assert_eq!(r.status, 303, "{}", r.body);
    let failed_page = r.header("location").unwrap().to_string();
    assert!(import_outcome(addr, &admin, &failed_page).contains("\"state\":\"failed\""));
    assert!(snapshots().is_empty(), "a failed import stored a snapshot");
    let p = http(addr, "GET", &failed_page, &admin, "");
    assert!(p.body.contains("The import failed"), "{}", p.body);
    assert!(
        p.body.contains("ssd_person.csv"),
        "the error names the file"
    );
    assert!(
        !p.body.contains("import-progress.js"),
        "no script once finished"
    );

    // The good extract, zipped as its folder: imported in the background, recorded, served.
    let zipped = {
        use std::io::Write as _;
        let mut buf = std::io::Cursor::new(vec![]);
        let mut w = zip::ZipWriter::new(&mut buf);
        for (n, b) in &files {
            w.start_file(
                format!("extract/{n}"),
                zip::write::SimpleFileOptions::default(),
            )
            .unwrap();
            w.write_all(b).unwrap();
        }
        w.finish().unwrap();
        buf.into_inner()
    };
    let r = post(
        &admin,
        form(&csrf, "ssd", &[("extract.zip".into(), zipped)]),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let ok_page = r.header("location").unwrap().to_string();
    let p = http(addr, "GET", &ok_page, &admin, "");
    assert_eq!(p.status, 200);
    assert!(p.body.contains("Import "));
    let outcome = import_outcome(addr, &admin, &ok_page);
    assert!(outcome.contains("\"state\":\"done\""), "{outcome}");
    let snaps = snapshots();
    assert_eq!(snaps.len(), 1);
    let id = snaps[0].id;
    assert!(outcome.contains(&format!("\"snapshot\":{id}")), "{outcome}");
    assert_eq!(snaps[0].kind, "ssd");
    assert!(snaps[0].files.iter().any(|f| f.name == "ssd_person.csv"));
    assert_eq!(snaps[0].source, "extract.zip");
    let people = on_server(&state, state.store.load(id))
        .unwrap()
        .tables
        .people
        .len();
    assert_eq!(people, g.model.tables.people.len());
    let audit = on_server(&state, state.store.audit_entries(1000)).unwrap();
    assert!(audit
        .iter()
        .any(|e| e.action == "import" && e.actor == "admin" && e.snapshot == Some(id)));
    let p = http(addr, "GET", &ok_page, &admin, "");
    assert!(
        p.body.contains(&format!("Imported as snapshot {id}")),
        "{}",
        p.body
    );
    // The Data page lists both uploads.
    let d = http(addr, "GET", "/data", &admin, "");
    assert!(d.body.contains(&format!("href=\"{failed_page}\"")));
    assert!(d.body.contains(&format!("href=\"{ok_page}\"")));

    // A later failure leaves the stored snapshot exactly as it was.
    let r = post(&admin, form(&csrf, "ssd", &failing));
    let again = r.header("location").unwrap().to_string();
    assert!(import_outcome(addr, &admin, &again).contains("\"state\":\"failed\""));
    let after = snapshots();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].row_count, snaps[0].row_count);
    assert_eq!(
        on_server(&state, state.store.load(id))
            .unwrap()
            .tables
            .people
            .len(),
        people
    );

    // Other roles never see an import's page; unknown imports are 404.
    assert_eq!(http(addr, "GET", &ok_page, &analyst, "").status, 403);
    assert_eq!(
        http(addr, "GET", &format!("{ok_page}/status"), &analyst, "").status,
        403
    );
    assert_eq!(
        http(addr, "GET", "/data/imports/999", &admin, "").status,
        404
    );
    // The progress script is the site's own, allowed by the content security policy.
    let js = http(addr, "GET", "/assets/import-progress.js", "", "");
    assert_eq!(js.status, 200);
    assert!(js
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    let csp = js.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe"));
}

#[test]
fn uploads_import_in_the_background_and_a_failed_one_changes_nothing() {
    upload_round_trip(None);
}

#[test]
fn uploads_import_on_postgresql() {
    let Some(url) = postgres_url("upload") else {
        eprintln!("SIGHTLINE_TEST_DATABASE_URL not set: skipped");
        return;
    };
    upload_round_trip(Some(url));
}
