//! The DfE reference validators on Sightline's exported returns (issue 3's acceptance).
//!
//! Needs a Python with `csc-validator-be-903==0.1.17` and `csc-validator-be-cin==0.1.13`; set
//! `SIGHTLINE_REFCHECK_PYTHON` to it (`.ci/run` makes one). Without it the test is skipped, as
//! the PostgreSQL tests are without their database.
//!
//! Clean data must raise no errors but the documented exemptions (`docs/returns.md`), and data
//! with injected faults must raise errors for every kind of fault the returns carry.

use std::path::{Path, PathBuf};
use std::process::Command;

/// 903 rules the validator flags on clean data for reasons `docs/returns.md` gives: postcode
/// lookups, its two-year window, and its own defects.
const EXEMPT_903: &[&str] = &[
    "169",
    "179",
    "241",
    "392a",
    "392c",
    "1015",
    "1001",
    "1002",
    "575",
    "577",
    "SW11bSTG2",
    "SW12STG2",
];
/// Rules that crash inside the 903 validator on any input with these tables.
const CRASHING_903: &[&str] = &["231", "233"];
/// CIN rule raised because synthetic UPNs use the unissued LA number 999.
const EXEMPT_CIN: &[&str] = &["1530"];

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts")
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("command runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{text}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sightline(dir: &Path, args: &[&str]) -> String {
    run(Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .arg("--quiet")
        .env(
            "SIGHTLINE_DATABASE_URL",
            format!("sqlite://{}", dir.join("store.db").display()),
        ))
}

/// Generates an authority, exports its 2025-26 returns (and last year's 903 for the
/// validator's cross-year rules), and writes the validators' reports to `dir`.
fn generate_and_check(python: &str, dir: &Path, errors: &str) {
    let extract = dir.join("extract");
    let p = |x: &Path| x.to_str().unwrap().to_string();
    sightline(
        dir,
        &[
            "generate",
            "--population",
            "30000",
            "--seed",
            "7",
            "--as-at",
            "2026-03-31",
            "--years",
            "6",
            "--errors",
            errors,
            "--out",
            &p(&extract),
        ],
    );
    sightline(dir, &["import", "ssd", &p(&extract)]);
    for year in ["2025-26", "2024-25"] {
        let out = dir.join(format!("903-{year}"));
        sightline(dir, &["export", "903", "--year", year, "--out", &p(&out)]);
    }
    let cin = dir.join("cin.xml");
    sightline(
        dir,
        &["export", "cin", "--year", "2025-26", "--out", &p(&cin)],
    );
    let check = scripts().join("refcheck_returns.py");
    let report = run(Command::new(python).arg(&check).args([
        "903",
        &p(&dir.join("903-2025-26")),
        "--year",
        "2025-26",
        "--prev",
        &p(&dir.join("903-2024-25")),
        "--all-children",
    ]));
    std::fs::write(dir.join("903.json"), report).unwrap();
    let report = run(Command::new(python).arg(&check).args([
        "cin",
        &p(&cin),
        "--year",
        "2025-26",
        "--all-children",
    ]));
    std::fs::write(dir.join("cin.json"), report).unwrap();
}

fn codes(report: &Path, key: &str) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(report).unwrap()).unwrap();
    match &v[key] {
        serde_json::Value::Object(m) => m.keys().cloned().collect(),
        serde_json::Value::Array(a) => a.iter().map(|x| x.as_str().unwrap().into()).collect(),
        _ => vec![],
    }
}

#[test]
fn reference_validators_accept_clean_returns_and_flag_injected_faults() {
    let Ok(python) = std::env::var("SIGHTLINE_REFCHECK_PYTHON") else {
        eprintln!("SIGHTLINE_REFCHECK_PYTHON not set: reference validator check skipped");
        return;
    };
    let clean = tempfile::tempdir().unwrap();
    let faulty = tempfile::tempdir().unwrap();
    generate_and_check(&python, clean.path(), "0");
    generate_and_check(&python, faulty.path(), "0.02");

    let unexpected = |report: &str, key: &str, allowed: &[&str]| -> Vec<String> {
        codes(&clean.path().join(report), key)
            .into_iter()
            .filter(|c| !allowed.contains(&c.as_str()))
            .collect()
    };
    let e903 = unexpected("903.json", "errors", EXEMPT_903);
    assert!(e903.is_empty(), "903 errors on clean data: {e903:?}");
    let crashed = unexpected("903.json", "crashed", CRASHING_903);
    assert!(crashed.is_empty(), "903 rules crashed: {crashed:?}");
    let ecin = unexpected("cin.json", "errors", EXEMPT_CIN);
    assert!(ecin.is_empty(), "CIN errors on clean data: {ecin:?}");

    // Every kind of fault the returns carry is flagged (the script fails otherwise) ...
    let table = run(Command::new(&python)
        .arg(scripts().join("refcheck_faults.py"))
        .arg(faulty.path().join("extract/faults.json"))
        .arg(clean.path().join("cin.json"))
        .arg(faulty.path().join("cin.json"))
        .arg(clean.path().join("903.json"))
        .arg(faulty.path().join("903.json")));
    eprintln!("{table}");
    // ... and by rules that are silent on the clean data.
    for (report, exempt) in [("903.json", EXEMPT_903), ("cin.json", EXEMPT_CIN)] {
        let new: Vec<String> = codes(&faulty.path().join(report), "errors")
            .into_iter()
            .filter(|c| !exempt.contains(&c.as_str()))
            .collect();
        assert!(!new.is_empty(), "no new {report} errors with faults");
    }
}
