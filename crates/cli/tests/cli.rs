//! The `sightline` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn sightline(args: &[&str], db: &Path) -> Output {
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

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn help_explains_each_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = text(&sightline(&["--help"], &dir.path().join("x.db")));
    for cmd in ["generate", "import", "snapshots", "demo", "bench"] {
        assert!(out.contains(cmd), "{cmd} missing from --help:\n{out}");
    }
}

#[test]
fn generate_is_byte_identical_for_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    for (out, seed) in [("a", "4"), ("b", "4"), ("c", "5")] {
        let o = sightline(
            &[
                "generate",
                "--population",
                "6000",
                "--seed",
                seed,
                "--out",
                dir.path().join(out).to_str().unwrap(),
            ],
            &db,
        );
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("Children looked after at year end"));
    }
    let files = |d: &str| {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir.path().join(d))
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(files("a"), files("b"));
    assert_ne!(files("a"), files("c"));
    assert!(files("a").len() >= 36);
}

#[test]
fn a_bad_import_exits_non_zero_names_the_cell_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let ssd = dir.path().join("ssd");
    let o = sightline(
        &[
            "generate",
            "--population",
            "3000",
            "--out",
            ssd.to_str().unwrap(),
        ],
        &db,
    );
    assert!(o.status.success());
    let o = sightline(&["import", "ssd", ssd.to_str().unwrap()], &db);
    assert!(o.status.success(), "{}", text(&o));
    let before = text(&sightline(&["snapshots"], &db));
    assert!(before.contains("snapshot 1"));
    let f = ssd.join("ssd_cla_placement.csv");
    let body = std::fs::read_to_string(&f)
        .unwrap()
        .replacen(",U6,", ",U9,", 1);
    std::fs::write(&f, body).unwrap();
    let o = sightline(&["import", "ssd", ssd.to_str().unwrap()], &db);
    assert!(!o.status.success());
    let err = text(&o);
    assert!(
        err.contains("ssd_cla_placement.csv, line ")
            && err.contains("column clap_cla_placement_type, value `U9`"),
        "{err}"
    );
    assert_eq!(text(&sightline(&["snapshots"], &db)), before);
}

#[test]
fn demo_generates_imports_and_summarises() {
    let dir = tempfile::tempdir().unwrap();
    let o = sightline(
        &[
            "demo",
            "--no-serve",
            "--population",
            "5000",
            "--dir",
            dir.path().join("demo").to_str().unwrap(),
        ],
        &dir.path().join("unused.db"),
    );
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(
        out.contains("snapshot 1") && out.contains("Children in need at year end"),
        "{out}"
    );
    assert!(dir.path().join("demo/sightline.db").exists());
}

#[test]
fn annex_a_exports_and_checks_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let ssd = dir.path().join("ssd");
    let p = |x: &Path| x.to_str().unwrap().to_string();
    let o = sightline(
        &["generate", "--population", "4000", "--out", &p(&ssd)],
        &db,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(sightline(&["import", "ssd", &p(&ssd)], &db)
        .status
        .success());
    let xlsx = dir.path().join("annex.xlsx");
    let csv = dir.path().join("annex");
    for args in [
        vec![
            "export",
            "annex-a",
            "--as-at",
            "2026-03-31",
            "--out",
            &p(&xlsx),
        ],
        vec![
            "export",
            "annex-a",
            "--as-at",
            "2026-03-31",
            "--out",
            &p(&csv),
            "--format",
            "csv",
        ],
    ] {
        let o = sightline(&args, &db);
        assert!(o.status.success(), "{}", text(&o));
        assert!(
            text(&o).contains("Wrote Annex A at 2026-03-31"),
            "{}",
            text(&o)
        );
    }
    assert_eq!(std::fs::read_dir(&csv).unwrap().count(), 11);
    for file in [&xlsx, &csv] {
        let o = sightline(&["check", "annex-a", &p(file)], &db);
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("no problems"), "{}", text(&o));
    }
    // A problem makes the check fail and says where it is.
    let f = csv.join("annex_a_list_03_referrals.csv");
    let body = std::fs::read_to_string(&f).unwrap();
    let (head, rows) = body.split_once('\n').unwrap();
    let first = rows.lines().next().unwrap();
    std::fs::write(&f, format!("{head}\n{first}\n{rows}")).unwrap();
    let o = sightline(&["check", "annex-a", &p(&csv)], &db);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("annex_a_list_03_referrals.csv, row 3 (")
            && text(&o).contains("the same record as row 2"),
        "{}",
        text(&o)
    );
    // Journeys: all children, or one.
    let journeys = dir.path().join("journeys.csv");
    let o = sightline(
        &[
            "export",
            "journeys",
            "--as-at",
            "2026-03-31",
            "--out",
            &p(&journeys),
        ],
        &db,
    );
    assert!(o.status.success(), "{}", text(&o));
    let all = std::fs::read_to_string(&journeys).unwrap();
    let child = all
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_string();
    let o = sightline(
        &[
            "export",
            "journeys",
            "--as-at",
            "2026-03-31",
            "--child",
            &child,
            "--out",
            &p(&journeys),
        ],
        &db,
    );
    assert!(o.status.success(), "{}", text(&o));
    let one = std::fs::read_to_string(&journeys).unwrap();
    assert!(one
        .lines()
        .skip(1)
        .all(|l| l.starts_with(&format!("{child},"))));
    assert!(one.lines().count() > 1 && one.lines().count() < all.lines().count());
    // The readiness summary, from the snapshot and from the exported workbook.
    let summary = dir.path().join("summary");
    let from_file = dir.path().join("summary-file");
    for (args, out) in [
        (
            vec![
                "annex-a",
                "summary",
                "--as-at",
                "2026-03-31",
                "--out",
                &p(&summary),
            ],
            &summary,
        ),
        (
            vec![
                "annex-a",
                "summary",
                "--from",
                &p(&xlsx),
                "--population",
                "4000",
                "--out",
                &p(&from_file),
            ],
            &from_file,
        ),
    ] {
        let o = sightline(&args, &db);
        assert!(o.status.success(), "{}", text(&o));
        assert!(
            text(&o).contains("Wrote the readiness summary at 2026-03-31"),
            "{}",
            text(&o)
        );
        assert!(out.join("summary.xlsx").exists() && out.join("index.html").exists());
        assert!(out.join("children/assessments-45.html").exists());
    }
    // The same figures either way (the snapshot's population is 4,000).
    let index = |d: &Path| std::fs::read_to_string(d.join("index.html")).unwrap();
    let body = |s: String| s.split("<h2>").skip(1).collect::<Vec<_>>().join("<h2>");
    assert_eq!(body(index(&summary)), body(index(&from_file)));
    // Every child-level export from the store was audited, naming its output, not a child.
    let o = sightline(&["audit"], &db);
    assert!(o.status.success(), "{}", text(&o));
    let log = text(&o);
    for action in ["export annex-a", "export journeys", "annex-a summary"] {
        assert!(log.contains(action), "{action} missing from\n{log}");
    }
    assert_eq!(
        log.lines().filter(|l| l.contains("export annex-a")).count(),
        2
    );
    assert!(!log.contains(&child), "{log}");
    // A council's Annex A imports as a snapshot; a file with problems is refused and changes
    // nothing.
    let snapshots = |db: &Path| {
        text(&sightline(&["snapshots"], db))
            .lines()
            .filter(|l| l.starts_with("snapshot "))
            .count()
    };
    let before = snapshots(&db);
    let import = |file: &Path, extra: &[&str]| {
        let mut args = vec![
            "import",
            "annex-a",
            file.to_str().unwrap(),
            "--la-code",
            "999",
        ];
        args.extend(["--la-name", "Test", "--population", "4000"]);
        args.extend(extra);
        sightline(&args, &db)
    };
    let o = import(&csv, &[]);
    assert!(
        !o.status.success() && text(&o).contains("nothing imported"),
        "{}",
        text(&o)
    );
    assert_eq!(snapshots(&db), before);
    let o = import(&xlsx, &["--label", "council workbook"]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(snapshots(&db), before + 1);
    let again = dir.path().join("again.xlsx");
    let o = sightline(
        &[
            "export",
            "annex-a",
            "--as-at",
            "2026-03-31",
            "--out",
            &p(&again),
        ],
        &db,
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = sightline(&["check", "annex-a", &p(&again)], &db);
    assert!(
        o.status.success() && text(&o).contains("no problems"),
        "{}",
        text(&o)
    );
    // Annex A cannot be drawn for a date after the snapshot's.
    let o = sightline(
        &[
            "export",
            "annex-a",
            "--as-at",
            "2026-04-01",
            "--out",
            &p(&xlsx),
        ],
        &db,
    );
    assert!(!o.status.success());
    assert!(
        text(&o).contains("cannot be drawn for a later date"),
        "{}",
        text(&o)
    );
}
