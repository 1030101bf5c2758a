//! End-to-end: Debian's Chromium, headless, driven through the web application of a
//! 2,000-child demo authority — sign-in (choosing a password, as a first-time administrator
//! must) → dashboard → indicator → child journey → work list → the data and admin pages — with
//! axe-core run on each page: any accessibility violation, any page not answering 200, or a
//! broken step fails the test (scripts/a11y/a11y.mjs does the driving).
//!
//! Needs Chromium and the pinned npm packages of scripts/a11y (`npm ci` there); set
//! `SIGHTLINE_E2E_CHROMIUM` to the Chromium binary (`.ci/run` does both). Without it the test
//! is skipped, as the PostgreSQL tests are without their database.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Stops the server however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn a11y_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/a11y")
}

#[test]
fn chromium_walks_the_journey_and_axe_finds_no_violations() {
    let Some(chromium) = std::env::var_os("SIGHTLINE_E2E_CHROMIUM") else {
        eprintln!(
            "skipped: set SIGHTLINE_E2E_CHROMIUM to Chromium (and run `npm ci` in scripts/a11y) \
             to run the end-to-end accessibility test"
        );
        return;
    };
    let dir = a11y_dir();
    assert!(
        dir.join("node_modules/axe-core").is_dir()
            && dir.join("node_modules/puppeteer-core").is_dir(),
        "SIGHTLINE_E2E_CHROMIUM is set but {} has no node_modules: run `npm ci` there",
        dir.display()
    );
    let tmp = tempfile::tempdir().unwrap();
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_sightline"))
            .args([
                "--quiet",
                "demo",
                "--population",
                "2000",
                "--bind",
                "127.0.0.1:0",
            ])
            .arg("--dir")
            .arg(tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap(),
    );
    // The address it listens on, then the administrator's one-time password.
    let mut addr = None;
    let mut password = None;
    let out = server.0.stdout.take().unwrap();
    let mut lines = BufReader::new(out).lines();
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("Sightline is running at ") {
            addr = Some(rest.trim_end_matches('/').to_string());
        }
        if let Some((_, rest)) = line.split_once("one-time password ") {
            password = rest.split_whitespace().next().map(String::from);
            break;
        }
    }
    let (Some(base), Some(password)) = (addr, password) else {
        panic!("the demo server did not start (no address and one-time password printed)");
    };
    // Keep draining its output so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));

    let out = Command::new("node")
        .arg(dir.join("a11y.mjs"))
        .args([&base, "admin", &password])
        .env("CHROMIUM", chromium)
        .current_dir(&dir)
        .output()
        .expect("node runs (install nodejs)");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{text}");
    assert!(out.status.success(), "end-to-end check failed:\n{text}");
    assert!(text.contains("axe: 0 violations"), "{text}");
    for page in [
        "dashboard",
        "indicator",
        "child journey",
        "work list",
        "/data",
    ] {
        assert!(
            text.contains(&format!("{page} @1280: 0 violations")),
            "{page} not checked:\n{text}"
        );
    }
}
