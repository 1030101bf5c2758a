//! `sightline benchmarks import` and `show` on the published DfE files of
//! `shared/data/dfe-stats/` (skipped with a message when they are not on this machine).

mod common;

use std::path::PathBuf;

use common::{ok, sightline, text};

fn dfe_files() -> Option<Vec<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/dfe-stats");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no DfE files at {}", dir.display());
        return None;
    };
    let mut files: Vec<String> = entries
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".csv"))
        .collect();
    files.sort();
    Some(files)
}

#[test]
fn import_then_show_rotherham() {
    let Some(files) = dfe_files() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let mut args = vec!["benchmarks", "import"];
    args.extend(files.iter().map(String::as_str));
    let out = ok(&db, &args);
    assert!(
        out.contains(
            "c1_children_in_need_referrals_and_rereferrals_2013_to_2025: statistics, 2132 rows, \
             years 2013-2025; dimensions: category; 10 value columns"
        ),
        "{out}"
    );
    assert!(
        out.contains("sn_model_2025_wide: statistical-neighbour model, 153 LAs"),
        "{out}"
    );
    assert!(out.contains("ofsted_leadership_data: skipped"), "{out}");

    let out = ok(
        &db,
        &["benchmarks", "show", "--la-code", "372", "--year", "2025"],
    );
    assert!(
        out.contains("Rotherham (372), region Yorkshire and The Humber"),
        "{out}"
    );
    // c1 rereferral_percent 2025: Rotherham 19.6, England 22.6, Yorkshire and The Humber 21.7;
    // neighbours' mean 20.51 over 10; rank 67 of 153 (lower is better), quartile 2.
    let line = out
        .lines()
        .find(|l| l.starts_with("rereferrals_12m "))
        .unwrap_or_else(|| panic!("{out}"));
    let cells: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(
        cells[cells.len() - 9..],
        ["%", "2025", "19.6", "22.6", "21.7", "20.5", "(10)", "67/153", "Q2"][..],
        "{line}"
    );
    // CLA rate (rate_per_10000): Rotherham 80, England 67.
    assert!(
        out.lines()
            .any(|l| l.starts_with("cla_rate ") && l.contains(" 80.0 ") && l.contains(" 67.0 ")),
        "{out}"
    );
}

#[test]
fn a_broken_file_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let bad = dir.path().join("c1_bad.csv");
    std::fs::write(
        &bad,
        "time_period,geographic_level,old_la_code,la_name,rereferral_percent\n\
         2025,National,,,22.6\n2025,Local authority,372,Rotherham,1g.6\n\
         2025,Local authority,370,Barnsley,25.5\n",
    )
    .unwrap();
    let o = sightline(&db, &["benchmarks", "import", bad.to_str().unwrap()]);
    let out = text(&o);
    assert!(!o.status.success(), "{out}");
    assert!(
        out.contains("c1_bad, line 3, column rereferral_percent: \"1g.6\""),
        "{out}"
    );
    let o = sightline(&db, &["benchmarks", "show", "--la-code", "372"]);
    assert!(
        text(&o).contains("no DfE benchmarks in the store"),
        "{}",
        text(&o)
    );
}
