-- The web application's accounts, sessions and login attempts (crates/web). Passwords are
-- stored only as argon2 hashes and session tokens only as SHA-256 digests, so a copy of the
-- database lets no one sign in. Numbered 0006: 0005 belongs to other work.
CREATE TABLE web_users (
    user_id BIGINT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    -- admin, analyst, manager or viewer
    role TEXT NOT NULL,
    -- Team ids a manager may see, comma-separated (empty for other roles).
    teams TEXT NOT NULL,
    -- 1 until the user has chosen their own password (the first-run admin's is printed once).
    must_change_password BIGINT NOT NULL,
    disabled BIGINT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE web_sessions (
    token_sha256 TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES web_users (user_id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- Unix seconds: sliding idle expiry and an absolute limit.
    last_seen BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);

CREATE TABLE web_login_attempts (
    username TEXT NOT NULL,
    at BIGINT NOT NULL,
    ok BIGINT NOT NULL
);
CREATE INDEX web_login_attempts_user ON web_login_attempts (username, at);
