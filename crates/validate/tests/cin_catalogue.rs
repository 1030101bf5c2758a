//! Every CIN rule version matches the DfE catalogue in `../shared/spec/rules/cin_rules.csv`:
//! the codes in force each year, the years each code is in force, the years a new version
//! starts, the error/query type, and the latest message and affected fields.

use std::collections::{BTreeMap, BTreeSet};
use validate::cin;
use validate::engine::{year_label, YEARS};

fn catalogue() -> Option<Vec<BTreeMap<String, String>>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/spec/rules/cin_rules.csv"
    );
    let mut rdr = csv::Reader::from_path(path).ok()?;
    Some(
        rdr.deserialize()
            .map(|r| r.expect("catalogue row"))
            .collect(),
    )
}

fn year_of(label: &str) -> u16 {
    YEARS
        .into_iter()
        .find(|&y| year_label(y) == label)
        .expect("year")
}

#[test]
fn rules_match_the_dfe_catalogue() {
    let Some(cat) = catalogue() else {
        eprintln!("skipped: ../shared/spec not found");
        return;
    };
    let versions = cin::all_versions();
    let mut problems = Vec::new();
    for row in &cat {
        let code = row["code"].as_str();
        let mine: Vec<_> = versions.iter().filter(|v| v.code == code).collect();
        if mine.is_empty() {
            problems.push(format!("{code}: not implemented"));
            continue;
        }
        let (first, last) = (year_of(&row["first_year"]), year_of(&row["last_year"]));
        let starts: BTreeSet<u16> = mine.iter().map(|v| v.years.0).collect();
        let want_starts: BTreeSet<u16> = std::iter::once(first)
            .chain(
                row["changed_in"]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(year_of),
            )
            .collect();
        if starts != want_starts {
            problems.push(format!(
                "{code}: versions start {starts:?}, catalogue {want_starts:?}"
            ));
        }
        for y in YEARS {
            let in_force = mine
                .iter()
                .filter(|v| v.years.0 <= y && y <= v.years.1)
                .count();
            let want = usize::from(first <= y && y <= last);
            if in_force != want {
                problems.push(format!(
                    "{code}: {in_force} versions in force in {y}, want {want}"
                ));
            }
        }
        let latest = mine.iter().max_by_key(|v| v.years.0).expect("one");
        if latest.rule_type.as_str() != row["rule_type"] {
            problems.push(format!(
                "{code}: type {}, catalogue {}",
                latest.rule_type.as_str(),
                row["rule_type"]
            ));
        }
        if latest.message != row["message"] {
            problems.push(format!(
                "{code}: message {:?}, catalogue {:?}",
                latest.message, row["message"]
            ));
        }
        let fields: BTreeSet<&str> = latest.fields.iter().copied().collect();
        let want: BTreeSet<&str> = row["affected_fields"]
            .split(';')
            .filter(|s| !s.is_empty())
            .collect();
        if fields != want {
            problems.push(format!("{code}: fields {fields:?}, catalogue {want:?}"));
        }
    }
    let known: BTreeSet<&str> = cat.iter().map(|r| r["code"].as_str()).collect();
    for v in &versions {
        if !known.contains(v.code) {
            problems.push(format!("{}: not in the catalogue", v.code));
        }
    }
    let missing = problems
        .iter()
        .filter(|p| p.ends_with("not implemented"))
        .count();
    assert!(
        problems.is_empty(),
        "{} problems ({missing} codes not implemented):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn pack_sizes_match_the_dfe() {
    let want = [
        (2023, 105),
        (2024, 105),
        (2025, 109),
        (2026, 109),
        (2027, 109),
    ];
    let got: Vec<(u16, usize)> = want.iter().map(|&(y, _)| (y, cin::pack(y).len())).collect();
    assert_eq!(got, want);
}
