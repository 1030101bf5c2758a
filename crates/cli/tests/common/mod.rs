//! Running the `sightline` binary in tests, against a SQLite store in a test's directory.
#![allow(dead_code)] // each test file uses its own part

use std::path::Path;
use std::process::{Command, Output};

pub fn sightline(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .arg("--quiet")
        .env(
            "SIGHTLINE_DATABASE_URL",
            format!("sqlite://{}", db.display()),
        )
        .output()
        .unwrap()
}

/// Standard output and error, together.
pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Runs the command, which must succeed, and returns what it printed.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let o = sightline(db, args);
    let out = text(&o);
    assert!(o.status.success(), "{args:?} failed:\n{out}");
    out
}
