//! The web application's accounts, sessions and login attempts (migration 0006). The store
//! keeps only what cannot sign anyone in: argon2 password hashes and SHA-256 digests of
//! session tokens. Times are Unix seconds, given by the caller so tests can move the clock.

use sqlx::Row;

use crate::{db, Result, Store};

/// A web account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUser {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    /// `admin`, `analyst`, `manager` or `viewer`; the web crate's policy gives it meaning.
    pub role: String,
    /// The teams (ids) a manager may see.
    pub teams: Vec<String>,
    pub must_change_password: bool,
    pub disabled: bool,
    pub created_at: String,
}

/// A signed-in session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebSession {
    pub user_id: i64,
    pub csrf_token: String,
    pub last_seen: i64,
    pub expires_at: i64,
}

const USER_COLUMNS: &str =
    "user_id, username, password_hash, role, teams, must_change_password, disabled, created_at";

fn user_from(r: &sqlx::any::AnyRow) -> std::result::Result<WebUser, sqlx::Error> {
    let teams: String = r.try_get(4)?;
    Ok(WebUser {
        id: r.try_get(0)?,
        username: r.try_get(1)?,
        password_hash: r.try_get(2)?,
        role: r.try_get(3)?,
        teams: teams
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect(),
        must_change_password: r.try_get::<i64, _>(5)? != 0,
        disabled: r.try_get::<i64, _>(6)? != 0,
        created_at: r.try_get(7)?,
    })
}

impl Store {
    /// How many accounts exist (none means the first-run setup is still to be done).
    pub async fn web_user_count(&self) -> Result<i64> {
        sqlx::query_scalar("SELECT COUNT(*) FROM web_users")
            .fetch_one(&self.pool)
            .await
            .map_err(db("counting web users"))
    }

    /// Adds an account and returns its id. Fails if the name is taken.
    pub async fn create_web_user(
        &self,
        username: &str,
        password_hash: &str,
        role: &str,
        teams: &[String],
        must_change_password: bool,
    ) -> Result<i64> {
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut tx = if self.sqlite {
            self.pool.begin_with("BEGIN IMMEDIATE").await
        } else {
            self.pool.begin().await
        }
        .map_err(db("adding a web user"))?;
        if !self.sqlite {
            sqlx::query("LOCK TABLE web_users IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await
                .map_err(db("adding a web user"))?;
        }
        let id: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(user_id), 0) + 1 FROM web_users")
            .fetch_one(&mut *tx)
            .await
            .map_err(db("adding a web user"))?;
        sqlx::query(&format!(
            "INSERT INTO web_users ({USER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, 0, $7)"
        ))
        .bind(id)
        .bind(username)
        .bind(password_hash)
        .bind(role)
        .bind(teams.join(","))
        .bind(must_change_password as i64)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db("adding a web user"))?;
        tx.commit().await.map_err(db("adding a web user"))?;
        Ok(id)
    }

    pub async fn web_user_by_name(&self, username: &str) -> Result<Option<WebUser>> {
        self.web_user_by(UserKey::Name(username)).await
    }

    pub async fn web_user(&self, id: i64) -> Result<Option<WebUser>> {
        self.web_user_by(UserKey::Id(id)).await
    }

    async fn web_user_by(&self, key: UserKey<'_>) -> Result<Option<WebUser>> {
        let column = match key {
            UserKey::Id(_) => "user_id",
            UserKey::Name(_) => "username",
        };
        let sql = format!("SELECT {USER_COLUMNS} FROM web_users WHERE {column} = $1");
        let query = sqlx::query(&sql);
        let query = match key {
            UserKey::Id(id) => query.bind(id),
            UserKey::Name(name) => query.bind(name),
        };
        let row = query
            .fetch_optional(&self.pool)
            .await
            .map_err(db("reading a web user"))?;
        row.as_ref()
            .map(user_from)
            .transpose()
            .map_err(db("reading a web user"))
    }

    /// Every account, by name.
    pub async fn web_users(&self) -> Result<Vec<WebUser>> {
        let rows = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM web_users ORDER BY username"
        ))
        .fetch_all(&self.pool)
        .await
        .map_err(db("listing web users"))?;
        rows.iter()
            .map(user_from)
            .collect::<std::result::Result<_, _>>()
            .map_err(db("listing web users"))
    }

    pub async fn set_web_password(
        &self,
        id: i64,
        password_hash: &str,
        must_change_password: bool,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE web_users SET password_hash = $1, must_change_password = $2 WHERE user_id = $3",
        )
        .bind(password_hash)
        .bind(must_change_password as i64)
        .bind(id)
        .execute(&self.pool)
        .await
        .map_err(db("changing a password"))?;
        Ok(())
    }

    /// Changes an account's role, teams and whether it may sign in; its sessions end, so the
    /// change applies at once.
    pub async fn set_web_user_access(
        &self,
        id: i64,
        role: &str,
        teams: &[String],
        disabled: bool,
    ) -> Result<()> {
        sqlx::query("UPDATE web_users SET role = $1, teams = $2, disabled = $3 WHERE user_id = $4")
            .bind(role)
            .bind(teams.join(","))
            .bind(disabled as i64)
            .bind(id)
            .execute(&self.pool)
            .await
            .map_err(db("changing a web user"))?;
        self.delete_web_sessions_of(id).await
    }

    pub async fn create_web_session(
        &self,
        token_sha256: &str,
        user_id: i64,
        csrf_token: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<()> {
        let created = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
        sqlx::query(
            "INSERT INTO web_sessions (token_sha256, user_id, csrf_token, created_at, last_seen, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(token_sha256)
        .bind(user_id)
        .bind(csrf_token)
        .bind(created)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await
        .map_err(db("starting a session"))?;
        Ok(())
    }

    pub async fn web_session(&self, token_sha256: &str) -> Result<Option<WebSession>> {
        let row = sqlx::query(
            "SELECT user_id, csrf_token, last_seen, expires_at FROM web_sessions \
             WHERE token_sha256 = $1",
        )
        .bind(token_sha256)
        .fetch_optional(&self.pool)
        .await
        .map_err(db("reading a session"))?;
        row.map(|r| {
            Ok(WebSession {
                user_id: r.try_get(0)?,
                csrf_token: r.try_get(1)?,
                last_seen: r.try_get(2)?,
                expires_at: r.try_get(3)?,
            })
        })
        .transpose()
        .map_err(db("reading a session"))
    }

    pub async fn touch_web_session(&self, token_sha256: &str, now: i64) -> Result<()> {
        sqlx::query("UPDATE web_sessions SET last_seen = $1 WHERE token_sha256 = $2")
            .bind(now)
            .bind(token_sha256)
            .execute(&self.pool)
            .await
            .map_err(db("renewing a session"))?;
        Ok(())
    }

    pub async fn delete_web_session(&self, token_sha256: &str) -> Result<()> {
        sqlx::query("DELETE FROM web_sessions WHERE token_sha256 = $1")
            .bind(token_sha256)
            .execute(&self.pool)
            .await
            .map_err(db("ending a session"))?;
        Ok(())
    }

    pub async fn delete_web_sessions_of(&self, user_id: i64) -> Result<()> {
        sqlx::query("DELETE FROM web_sessions WHERE user_id = $1")
            .bind(user_id)
            .execute(&self.pool)
            .await
            .map_err(db("ending sessions"))?;
        Ok(())
    }

    pub async fn record_login_attempt(&self, username: &str, at: i64, ok: bool) -> Result<()> {
        sqlx::query("INSERT INTO web_login_attempts (username, at, ok) VALUES ($1, $2, $3)")
            .bind(username)
            .bind(at)
            .bind(ok as i64)
            .execute(&self.pool)
            .await
            .map_err(db("recording a login attempt"))?;
        Ok(())
    }

    /// Failed sign-ins for `username` at or after `since` and after its last success.
    pub async fn recent_login_failures(&self, username: &str, since: i64) -> Result<i64> {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM web_login_attempts WHERE username = $1 AND ok = 0 AND at >= $2 \
             AND at >= (SELECT COALESCE(MAX(at), 0) FROM web_login_attempts \
                        WHERE username = $1 AND ok = 1)",
        )
        .bind(username)
        .bind(since)
        .fetch_one(&self.pool)
        .await
        .map_err(db("counting login attempts"))
    }
}

/// How an account is looked up.
#[derive(Clone, Copy)]
enum UserKey<'a> {
    Id(i64),
    Name(&'a str),
}
