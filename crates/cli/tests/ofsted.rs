//! `sightline ofsted` and `sightline plan` end to end, on the public files of
//! `shared/data/ofsted/` and `shared/data/ofsted-reports/` (skipped with a message when they
//! are not on this machine).

mod common;

use std::path::PathBuf;

use common::{ok, sightline, text};

fn shared(sub: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not found", dir.display());
        None
    }
}

fn files(dir: &PathBuf) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn import_show_read_and_plan() {
    let (Some(data), Some(reports)) = (shared("ofsted"), shared("ofsted-reports")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let mut args = vec!["ofsted", "import"];
    let fs = files(&data);
    args.extend(fs.iter().map(String::as_str));
    let out = ok(&db, &args);
    assert!(
        out.contains("Provider_data_lookup.csv: LA lookup, 156 rows"),
        "{out}"
    );
    assert!(
        out.contains("JT-39_ofsted_csc_ilacs_history.csv: inspection history (JT-39), 497 rows"),
        "{out}"
    );
    assert!(
        out.contains("corrected: Nottingham (892), published 2019-01-07"),
        "{out}"
    );
    assert!(out.contains("flagged: "), "{out}");
    assert!(out.contains("Register: 156 LAs"), "{out}");

    let out = ok(&db, &["ofsted", "show", "--la", "372"]);
    assert!(
        out.starts_with("Rotherham — DfE 372, URN 80543, ONS E08000018"),
        "{out}"
    );
    let hist: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.len() > 20 && l.as_bytes()[0].is_ascii_digit() && l.contains(" SIF")
                || l.contains("ILACS short")
        })
        .collect();
    assert_eq!(hist.len(), 4, "{out}");
    assert!(
        hist[0].starts_with("2014-09-16") && hist[0].contains("  I "),
        "{}",
        hist[0]
    );
    assert!(
        hist[3].starts_with("2025-11-03") && hist[3].contains("  O "),
        "{}",
        hist[3]
    );
    assert!(
        out.contains("Statistical neighbours (the LA first), current grades:"),
        "{out}"
    );
    assert!(out.contains("Barnsley"), "{out}");

    let out = ok(&db, &["ofsted", "national"]);
    assert!(
        out.lines().any(|l| l.starts_with("Overall effectiveness")),
        "{out}"
    );

    // Read a report (text), then add its items to the plan.
    let rot = reports.join("80543_rotherham_children_s_services_inspection_12_august_2022.txt");
    let rot = rot.display().to_string();
    let out = ok(&db, &["ofsted", "read", &rot]);
    assert!(
        out.contains("LA: Rotherham Metropolitan Borough Council"),
        "{out}"
    );
    assert!(out.contains("Overall effectiveness: Good"), "{out}");
    assert!(out.contains("What needs to improve (4):"), "{out}");
    let out = ok(&db, &["ofsted", "read", &rot, "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["grades"]["InCareAndCareLeavers"], "Good");
    let out = ok(&db, &["ofsted", "read", &rot, "--add"]);
    assert!(out.contains("Added to the register under LA 372."), "{out}");
    let out = ok(&db, &["ofsted", "show", "--la", "rotherham"]);
    assert!(
        out.contains("to improve: The quality of individual case audits"),
        "{out}"
    );

    let out = ok(
        &db,
        &["plan", "add-finding", "--la", "372", "--from-report", &rot],
    );
    assert_eq!(
        out.lines().filter(|l| l.starts_with("finding ")).count(),
        4,
        "{out}"
    );
    let out = ok(
        &db,
        &[
            "plan",
            "add-finding",
            "--la",
            "Nottingham",
            "--text",
            "Oversight of neglect.",
            "--kind",
            "priority-action",
        ],
    );
    assert!(out.starts_with("finding 5: Oversight of neglect."), "{out}");
    ok(
        &db,
        &[
            "plan",
            "add-action",
            "--finding",
            "1",
            "--description",
            "Front door audit",
            "--owner",
            "Head of MASH",
            "--due",
            "2026-03-31",
            "--indicator",
            "rereferrals_12m",
        ],
    );
    ok(
        &db,
        &[
            "plan",
            "add-action",
            "--finding",
            "5",
            "--description",
            "Neglect training",
            "--owner",
            "PSW",
            "--due",
            "2026-07-15",
        ],
    );
    ok(
        &db,
        &[
            "plan",
            "update-action",
            "1",
            "--status",
            "in-progress",
            "--evidence",
            "Audit of 30 contacts",
            "--link",
            "https://example.invalid/a",
        ],
    );
    let out = ok(&db, &["plan", "show", "--today", "2026-06-30"]);
    assert!(
        out.starts_with("Improvement plan at 2026-06-30: 5 findings, 2 actions, 1 overdue"),
        "{out}"
    );
    assert!(out.contains("Action 1 [Red] Front door audit — owner Head of MASH, due 2026-03-31, In progress, OVERDUE"), "{out}");
    assert!(out.contains("Action 2 [Amber] Neglect training"), "{out}");
    assert!(out.contains("evidence "), "{out}");
    assert!(out.contains("indicator rereferrals_12m: "), "{out}");
    let out = ok(
        &db,
        &["plan", "show", "--la", "892", "--today", "2026-06-30"],
    );
    assert!(out.contains("1 findings, 1 actions, 0 overdue"), "{out}");

    let html = dir.path().join("plan.html");
    let xlsx = dir.path().join("plan.xlsx");
    ok(
        &db,
        &[
            "plan",
            "export",
            "--format",
            "html",
            "--out",
            html.to_str().unwrap(),
            "--today",
            "2026-06-30",
        ],
    );
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(
        h.contains("<td class=\"red\">Red</td>") && h.contains("(overdue)"),
        "{h}"
    );
    ok(
        &db,
        &[
            "plan",
            "export",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
            "--today",
            "2026-06-30",
        ],
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // Refusals name what is wrong.
    let o = sightline(
        &db,
        &[
            "plan",
            "add-action",
            "--finding",
            "99",
            "--description",
            "x",
            "--owner",
            "y",
            "--due",
            "2026-01-01",
        ],
    );
    assert!(!o.status.success());
    assert!(
        text(&o).contains("no finding 99 in the plan"),
        "{}",
        text(&o)
    );
    let o = sightline(&db, &["plan", "update-action", "1", "--status", "done"]);
    assert!(
        text(&o).contains("\"done\" is not a status"),
        "{}",
        text(&o)
    );
}

#[test]
fn an_unrecognised_document_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("o.db");
    let f = dir.path().join("minutes.txt");
    std::fs::write(&f, "Minutes of the meeting\nApologies were received.\n").unwrap();
    let o = sightline(&db, &["ofsted", "read", f.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("not an Ofsted report or letter Sightline can read"),
        "{}",
        text(&o)
    );
    let o = sightline(&db, &["ofsted", "show", "--la", "372"]);
    assert!(
        text(&o).contains("no Ofsted data in the store"),
        "{}",
        text(&o)
    );
}
