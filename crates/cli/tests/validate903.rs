//! `sightline validate 903` and `sightline rules 903` as a user runs them.

mod common;

use common::{ok, sightline};
use std::path::Path;

fn header(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().next().unwrap_or_default().to_string()
}

#[test]
fn validates_files_and_snapshots_alike() {
    let dir = tempfile::tempdir().unwrap();
    let d = |p: &str| dir.path().join(p).to_str().unwrap().to_string();
    let db = dir.path().join("s.db");
    ok(
        &db,
        &[
            "generate",
            "--population",
            "6000",
            "--errors",
            "0.05",
            "--out",
            &d("ssd"),
        ],
    );
    ok(&db, &["import", "ssd", &d("ssd")]);
    ok(
        &db,
        &["export", "903", "--year", "2025-26", "--out", &d("cur")],
    );
    ok(
        &db,
        &["export", "903", "--year", "2024-25", "--out", &d("prev")],
    );

    // `validate 903` with these arguments, for 2025-26 and the synthetic authority's LA.
    let validate = |args: &[&str]| {
        let year_and_la = ["--year", "2025-26", "--la", "E09000027"];
        ok(&db, &[&["validate", "903"], args, &year_and_la].concat())
    };
    let (cur, prev, out) = (d("cur"), d("prev"), d("out"));
    let summary = validate(&[&cur, "--prev", &prev, "--out", &out]);
    assert!(summary.contains("rules run"), "{summary}");
    assert!(summary.contains(" 0 failed"), "{summary}");
    // No lookup given: the postcode rules are not run, and the summary says how to run them.
    assert!(
        summary.contains("rules not run for want of a postcode lookup")
            && summary.contains("--postcodes"),
        "{summary}"
    );
    let errors = std::fs::read_to_string(dir.path().join("out/error_summary.csv")).unwrap();
    assert!(!errors.lines().any(|l| l.starts_with("392c,")), "{errors}");
    // With a lookup, even one that knows none of the (fictional) postcodes, they run.
    let lookup = d("postcodes.csv");
    std::fs::write(&lookup, "postcode,utla,easting,northing\n").unwrap();
    let out_pc = d("out-postcodes");
    let summary = validate(&[
        &cur,
        "--prev",
        &prev,
        "--postcodes",
        &lookup,
        "--out",
        &out_pc,
    ]);
    assert!(!summary.contains("postcode lookup"), "{summary}");
    let errors =
        std::fs::read_to_string(dir.path().join("out-postcodes/error_summary.csv")).unwrap();
    assert!(errors.lines().any(|l| l.starts_with("392c,")), "{errors}");

    let out = dir.path().join("out");
    assert_eq!(
        header(&out.join("issues.csv")),
        "rule_code,rule_type,table,row_id,child_id,columns,message"
    );
    assert_eq!(
        header(&out.join("error_summary.csv")),
        "code,rule_type,count,message,fields"
    );
    assert!(header(&out.join("child_summary.csv")).starts_with("child_id,table,row_id,rule_code"));
    let xlsx = std::fs::read(out.join("report.xlsx")).unwrap();
    assert!(xlsx.starts_with(b"PK"), "report.xlsx is not a zip");
    let issues = std::fs::read_to_string(out.join("issues.csv")).unwrap();
    assert!(issues.lines().count() > 1, "injected faults flag nothing");

    // The snapshot is derived and read through the same CSV reader: the same issues.
    let snap = d("snap");
    validate(&["--snapshot", "1", "--out", &snap]);
    let from_snapshot = std::fs::read_to_string(dir.path().join("snap/issues.csv")).unwrap();
    assert_eq!(from_snapshot, issues);

    // JSON instead of the CSV files.
    let json = d("json");
    validate(&[&cur, "--format", "json", "--out", &json]);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("json/issues.json")).unwrap())
            .unwrap();
    for key in [
        "year",
        "la",
        "rules_run",
        "skipped",
        "failed",
        "issues",
        "error_summary",
    ] {
        assert!(doc.get(key).is_some(), "issues.json has no {key}");
    }
    assert_eq!(doc["year"], "2025/26");
    assert!(!dir.path().join("json/issues.csv").exists());
}

#[test]
fn unreadable_input_fails_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("mystery.csv"), "A,B\n1,2\n").unwrap();
    let out = dir.path().join("out");
    let o = sightline(
        &db,
        &[
            "validate",
            "903",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("mystery.csv") && err.contains("match no 903 table"),
        "{err}"
    );
}

#[test]
fn rules_lists_the_year_pack() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let listing = ok(&db, &["rules", "903", "--year", "2026-27"]);
    let want = validate::ssda903::pack(2027).len();
    let mut lines = listing.lines();
    assert_eq!(
        lines.next().unwrap(),
        format!("{want} SSDA903 rules in force in 2026/27")
    );
    assert_eq!(lines.count(), want);
    let one = ok(&db, &["rules", "903", "--code", "101"]);
    assert!(one.starts_with("101 "), "{one}");
    assert!(one.lines().count() > 1, "no documentation:\n{one}");
    assert!(!one.contains("postcode lookup"), "{one}");
    let postcode_rule = ok(&db, &["rules", "903", "--code", "169"]);
    assert!(
        postcode_rule.contains("Runs only with a postcode lookup (--postcodes)."),
        "{postcode_rule}"
    );
}
