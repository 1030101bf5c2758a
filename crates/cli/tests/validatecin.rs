//! `sightline validate cin` and `sightline rules cin` as a user runs them.

mod common;

use common::{ok, sightline};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
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
            "8000",
            "--errors",
            "0.05",
            "--out",
            &d("ssd"),
        ],
    );
    ok(&db, &["import", "ssd", &d("ssd")]);
    ok(
        &db,
        &[
            "export",
            "cin",
            "--year",
            "2025-26",
            "--out",
            &d("census.xml"),
        ],
    );

    // The pack is the file's own year unless told otherwise.
    let summary = ok(
        &db,
        &["validate", "cin", &d("census.xml"), "--out", &d("out")],
    );
    assert!(
        summary.starts_with("CIN census 2025/26: 109 rules run, 0 failed"),
        "{summary}"
    );
    let out = dir.path().join("out");
    let issues = read(&out.join("issues.csv"));
    assert_eq!(
        issues.lines().next().unwrap(),
        "rule_code,rule_type,table,row_id,child_id,columns,message"
    );
    assert!(issues.lines().count() > 1, "injected faults flag nothing");
    assert!(read(&out.join("error_summary.csv")).starts_with("code,rule_type,count,message,fields"));
    assert!(read(&out.join("child_summary.csv")).starts_with("child_id,table,row_id,rule_code"));
    assert!(std::fs::read(out.join("report.xlsx"))
        .unwrap()
        .starts_with(b"PK"));

    // The census derived from the snapshot is the exported file: the same issues.
    ok(
        &db,
        &[
            "validate",
            "cin",
            "--snapshot",
            "1",
            "--year",
            "2025-26",
            "--out",
            &d("snap"),
        ],
    );
    assert_eq!(read(&dir.path().join("snap/issues.csv")), issues);
    let audit = ok(&db, &["audit"]);
    assert!(audit.contains("validate cin"), "{audit}");

    // JSON instead of the CSV files.
    ok(
        &db,
        &[
            "validate",
            "cin",
            &d("census.xml"),
            "--format",
            "json",
            "--out",
            &d("json"),
        ],
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("json/issues.json")).unwrap())
            .unwrap();
    assert_eq!(doc["return"], "CIN census");
    assert_eq!(
        doc["issues"].as_array().unwrap().len(),
        issues.lines().count() - 1
    );
    assert!(!dir.path().join("json/issues.csv").exists());
}

/// A return-level finding is reported against table LA, with no row and no child.
#[test]
fn return_level_issues_name_the_la() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let xml = dir.path().join("census.xml");
    // Two child protection plans start in the year and no initial conference takes place.
    let plan = |id: &str, start: &str| {
        format!(
            "<Child><ChildIdentifiers><LAchildID>{id}</LAchildID></ChildIdentifiers>\
             <CINdetails><CINreferralDate>2025-05-01</CINreferralDate>\
             <ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate></ChildProtectionPlans>\
             </CINdetails></Child>"
        )
    };
    std::fs::write(
        &xml,
        format!(
            "<Message><Header><CollectionDetails><Collection>CIN</Collection><Year>2026</Year>\
             <ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails></Header>\
             <Children>{}{}</Children></Message>",
            plan("A", "2025-06-01"),
            plan("B", "2025-07-01")
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    ok(
        &db,
        &[
            "validate",
            "cin",
            xml.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let issues = read(&out.join("issues.csv"));
    let la: Vec<&str> = issues.lines().filter(|l| l.starts_with("2883,")).collect();
    assert_eq!(la.len(), 1, "{issues}");
    assert!(la[0].starts_with("2883,error,LA,,,"), "{}", la[0]);
}

#[test]
fn unreadable_input_fails_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let xml = dir.path().join("broken.xml");
    std::fs::write(&xml, "<Message><Header></Message>").unwrap();
    let out = dir.path().join("out");
    let o = sightline(
        &db,
        &[
            "validate",
            "cin",
            xml.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("broken.xml"), "{err}");
}

#[test]
fn rules_lists_the_year_pack() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let listing = ok(&db, &["rules", "cin", "--year", "2025-26"]);
    let mut lines = listing.lines();
    assert_eq!(
        lines.next().unwrap(),
        "109 CIN census rules in force in 2025/26"
    );
    assert_eq!(lines.count(), 109);
    let one = ok(&db, &["rules", "cin", "--code", "8925"]);
    assert!(one.starts_with("8925 "), "{one}");
    assert!(one.lines().count() > 1, "no documentation:\n{one}");
}
