//! `sightline indicators`: every format, a series with a breakdown, child lists (audited,
//! refused for aggregate-only audiences) and the published benchmarks beside the figures.

mod common;

use common::{ok, sightline, text};

#[test]
fn indicators_from_a_snapshot_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let ssd = dir.path().join("ssd");
    let p = |x: &std::path::Path| x.to_str().unwrap().to_string();
    ok(
        &db,
        &[
            "generate",
            "--population",
            "4000",
            "--as-at",
            "2026-03-31",
            "--out",
            &p(&ssd),
        ],
    );
    ok(&db, &["import", "ssd", &p(&ssd)]);

    // Table: every indicator, with a 3-month trend.
    let out = ok(
        &db,
        &["indicators", "--as-at", "2026-03-31", "--months", "3"],
    );
    for id in [
        "referrals_rate",
        "cla_3plus_placements",
        "adoption_a10",
        "many_workers_12m",
    ] {
        assert!(out.contains(id), "{id} missing:\n{out}");
    }
    assert!(out.contains("trend:"), "{out}");

    // CSV: one row per indicator × point × group.
    let out = ok(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--months",
            "2",
            "--by",
            "sex",
            "--ids",
            "cla_rate,cp_visits_on_time",
            "--format",
            "csv",
        ],
    );
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("cla_rate,")).collect();
    assert!(
        rows.iter()
            .any(|r| r.contains(",2026-02-28,") && r.contains(",,All,")),
        "{out}"
    );
    assert!(rows.iter().any(|r| r.contains(",sex,Female,")), "{out}");

    // JSON with child lists; aggregate-only refuses them.
    let out = ok(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--children",
            "cla_rate",
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(
        out.lines()
            .take_while(|l| !l.contains("indicators ×"))
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
    )
    .unwrap();
    let ind = &json["indicators"][0];
    assert_eq!(ind["id"], "cla_rate");
    let kids = ind["children"].as_array().unwrap();
    assert_eq!(
        kids.len() as f64,
        ind["series"][0]["numerator"].as_f64().unwrap()
    );
    assert!(kids[0]["child_id"].as_str().unwrap().starts_with("SYN"));
    let refused = sightline(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--children",
            "all",
            "--aggregate-only",
        ],
    );
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("--aggregate-only"),
        "{}",
        text(&refused)
    );
    let audit = ok(&db, &["audit"]);
    assert!(audit.contains("indicators children"), "{audit}");

    // Aggregate-only: figures on 1–4 are shown as c.
    let out = ok(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--by",
            "worker",
            "--aggregate-only",
            "--format",
            "csv",
        ],
    );
    assert!(
        out.lines()
            .any(|l| l.ends_with(",c,c,c,count,true") || l.contains(",c,c,c,")),
        "{out}"
    );

    // Workbook.
    let xlsx = dir.path().join("ind.xlsx");
    ok(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--months",
            "24",
            "--format",
            "xlsx",
            "--out",
            &p(&xlsx),
        ],
    );
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 5_000);

    // Bad input is named.
    let bad = sightline(
        &db,
        &["indicators", "--as-at", "2026-03-31", "--ids", "nope"],
    );
    assert!(text(&bad).contains("no indicator `nope`"), "{}", text(&bad));
    let bad = sightline(
        &db,
        &[
            "indicators",
            "--as-at",
            "2026-03-31",
            "--param",
            "cp_visit_days=x",
        ],
    );
    assert!(text(&bad).contains("cp_visit_days"), "{}", text(&bad));

    // With the DfE files imported, the published figures stand beside ours (LA 372).
    let stats = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/dfe-stats/c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv");
    if stats.exists() {
        ok(&db, &["benchmarks", "import", &p(&stats)]);
        let out = ok(
            &db,
            &[
                "indicators",
                "--as-at",
                "2025-03-31",
                "--ids",
                "rereferrals_12m",
                "--la-code",
                "372",
                "--format",
                "json",
            ],
        );
        let body: String = out
            .lines()
            .take_while(|l| !l.contains("indicators ×"))
            .collect::<Vec<_>>()
            .join("\n");
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        let b = &json["indicators"][0]["benchmark"];
        // Published 2025: England 22.6, Rotherham 19.6.
        assert_eq!(b["england"].as_f64(), Some(22.6), "{b}");
        assert_eq!(b["la_published"].as_f64(), Some(19.6), "{b}");
    }
}
