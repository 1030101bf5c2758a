//! Accounts and sessions: argon2 password hashes, random session tokens kept in the store only
//! as SHA-256 digests, cookies, CSRF tokens, login throttling, and the extractors through which
//! every handler receives its user — [`Need`] applies [`crate::policy`] before a handler runs.

use std::marker::PhantomData;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use rand::RngCore;
use sha2::{Digest, Sha256};
use store::web::WebUser;

use crate::policy::{self, Action, Role, Scope};
use crate::{pages, Shared};

pub const SESSION_COOKIE: &str = "sl_session";
/// Holds the CSRF token of forms shown before sign-in (double-submit).
pub const PRE_COOKIE: &str = "sl_pre";
/// Failed sign-ins allowed per account, and per client address, in [`THROTTLE_WINDOW`].
pub const MAX_FAILURES_PER_USER: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 30;
pub const THROTTLE_WINDOW: i64 = 15 * 60;
pub const MIN_PASSWORD_LEN: usize = 12;

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// 32 random bytes from the operating system, as hex.
pub fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    hex::encode(b)
}

/// A random password a person can type: 20 characters, no look-alikes.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut b = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b.iter()
        .map(|x| ALPHABET[*x as usize % ALPHABET.len()] as char)
        .collect()
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// Hashes a password with argon2id (the crate's recommended parameters). CPU-heavy: run it on
/// a blocking thread.
pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

pub async fn hash_blocking(password: String) -> Result<String, String> {
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| e.to_string())?
}

pub async fn verify_blocking(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || verify_password(&password, &hash))
        .await
        .unwrap_or(false)
}

/// Compares without stopping at the first difference.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.len() <= 128)
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, and Secure when served over TLS.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<i64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(a) = max_age {
        c.push_str(&format!("; Max-Age={a}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// Whether cookies must be marked Secure: always when configured, and when a TLS-terminating
/// proxy says the request came over HTTPS.
pub fn secure(state: &Shared, headers: &HeaderMap) -> bool {
    state.options.secure_cookies
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// The signed-in user of a request.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: WebUser,
    pub role: Role,
    pub csrf: String,
}

impl SignedIn {
    pub fn scope(&self) -> Scope {
        Scope::of(self.role, &self.user.teams)
    }
    pub fn can(&self, action: Action) -> bool {
        policy::permits(self.role, action)
    }
    pub fn suppress(&self) -> bool {
        policy::suppresses_small_numbers(self.role)
    }
}

/// Where an unauthenticated request is sent.
fn to_login(parts: &Parts, expired: bool) -> Response {
    let next = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let mut url = format!("/login?next={}", urlencode(next));
    if expired {
        url.push_str("&expired=1");
    }
    Redirect::to(&url).into_response()
}

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl FromRequestParts<Shared> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(to_login(parts, false));
        };
        let digest = sha256_hex(&token);
        let store = &state.store;
        let session = store.web_session(&digest).await.map_err(pages::internal)?;
        let Some(session) = session else {
            return Err(to_login(parts, true));
        };
        let t = now();
        let idle = state.options.session_idle_seconds;
        if t > session.expires_at || t - session.last_seen > idle {
            store
                .delete_web_session(&digest)
                .await
                .map_err(pages::internal)?;
            return Err(to_login(parts, true));
        }
        let user = store
            .web_user(session.user_id)
            .await
            .map_err(pages::internal)?;
        let Some(user) = user.filter(|u| !u.disabled) else {
            store
                .delete_web_session(&digest)
                .await
                .map_err(pages::internal)?;
            return Err(to_login(parts, false));
        };
        // Renewing at most once a minute keeps writes off most requests.
        if t - session.last_seen >= 60.min(idle / 2).max(1) {
            store
                .touch_web_session(&digest, t)
                .await
                .map_err(pages::internal)?;
        }
        let Some(role) = Role::parse(&user.role) else {
            return Err(pages::forbidden());
        };
        let path = parts.uri.path();
        if user.must_change_password && path != "/account/password" && path != "/logout" {
            return Err(Redirect::to("/account/password").into_response());
        }
        Ok(SignedIn {
            user,
            role,
            csrf: session.csrf_token,
        })
    }
}

/// A permission a handler needs, as a type.
pub trait Permission {
    const ACTION: Action;
}
macro_rules! permission {
    ($($name:ident => $action:ident),+ $(,)?) => {$(
        pub struct $name;
        impl Permission for $name {
            const ACTION: Action = Action::$action;
        }
    )+};
}
permission! {
    Aggregates => ViewAggregates,
    Children => ViewChildren,
    Data => ViewData,
    Imports => ManageImports,
    Users => ManageUsers,
    Audit => ViewAudit,
    PlanView => ViewPlan,
    PlanEdit => EditPlan,
}

/// A signed-in user allowed to do `P`; anyone else gets 403 (or the login page).
pub struct Need<P>(pub SignedIn, pub PhantomData<P>);

impl<P: Permission + Send + Sync> FromRequestParts<Shared> for Need<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Shared) -> Result<Self, Response> {
        let who = SignedIn::from_request_parts(parts, state).await?;
        if !who.can(P::ACTION) {
            return Err(pages::forbidden());
        }
        Ok(Need(who, PhantomData))
    }
}

/// Rejects every state-changing request whose form does not carry the CSRF token of its
/// session (or, before sign-in, of the pre-session cookie), and any whose Origin is another
/// site. One check for every form, so no handler can forget it.
pub async fn csrf_guard(State(state): State<Shared>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers().clone();
    if let (Some(origin), Some(host)) = (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        // `null` (an opaque origin, sent by some privacy settings) proves nothing either way:
        // the token decides.
        let origin_host = origin.split("://").nth(1).unwrap_or("");
        if origin != "null" && origin_host != host {
            return pages::csrf_failed();
        }
    }
    // Sign-in forms carry the pre-session token even when an old session cookie is present.
    let session = cookie(&headers, SESSION_COOKIE).filter(|_| req.uri().path() != "/login");
    let expected = match session {
        Some(token) => match state.store.web_session(&sha256_hex(&token)).await {
            Ok(Some(s)) => Some(s.csrf_token),
            Ok(None) => cookie(&headers, PRE_COOKIE),
            Err(e) => return pages::internal(e),
        },
        None => cookie(&headers, PRE_COOKIE),
    };
    // Uploads are multipart forms, as large as the upload limit; other forms are small.
    let boundary = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| multer::parse_boundary(ct).ok());
    let limit = match boundary {
        Some(_) => state.options.upload_max_bytes,
        None => 1 << 20,
    };
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, limit).await else {
        return pages::message(
            StatusCode::PAYLOAD_TOO_LARGE,
            "The upload is too large",
            &format!("Uploads may be up to {} MB.", limit >> 20),
            None,
        );
    };
    let given = match boundary {
        Some(b) => multipart_field(bytes.clone(), b, "csrf").await,
        None => serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v)),
    };
    match (expected, given) {
        (Some(e), Some(g)) if same(&e, &g) => {
            next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await
        }
        _ => pages::csrf_failed(),
    }
}

/// A text field of a multipart form held in memory.
async fn multipart_field(body: axum::body::Bytes, boundary: String, name: &str) -> Option<String> {
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(body) });
    let mut form = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(name) {
            return field.text().await.ok();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let h = hash_password("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("correct horse batterx", &h));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            "x_sl_session=bad; sl_session=abc; other=1".parse().unwrap(),
        );
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&h, PRE_COOKIE), None);
        assert!(set_cookie("a", "b", true, None).contains("HttpOnly; SameSite=Strict; Secure"));
    }

    #[test]
    fn tokens_are_random_and_compared_in_full() {
        assert_ne!(random_token(), random_token());
        assert_eq!(random_password().len(), 20);
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
