//! The catalogue: unique ids, a computation for each and no computation without an entry,
//! every parameter it names exists, at least 30 indicators, and docs/indicators.md generated
//! from it.

use indicators::{catalogue, Params};

#[test]
fn ids_are_unique_and_each_has_a_computation_and_known_parameters() {
    let ids: Vec<&str> = catalogue().iter().map(|i| i.id).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate ids");
    assert!(ids.len() >= 30, "only {} indicators", ids.len());
    assert_eq!(indicators::computed_ids().len(), ids.len());
    for id in indicators::computed_ids() {
        assert!(ids.contains(&id), "{id} is computed but not catalogued");
    }
    let params = serde_json::to_value(Params::default()).unwrap();
    for i in catalogue() {
        assert!(!i.title.is_empty() && !i.definition.is_empty() && !i.numerator.is_empty());
        assert!(!i.source.is_empty(), "{} has no source", i.id);
        for p in i.params {
            assert!(params.get(p).is_some(), "{}: unknown parameter {p}", i.id);
        }
    }
}

#[test]
fn docs_indicators_md_is_generated_from_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/indicators.md");
    let want = indicators::docs::markdown();
    if std::env::var_os("SIGHTLINE_UPDATE_DOCS").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "docs/indicators.md is out of date: run `sightline indicators --list --format markdown --out docs/indicators.md` (or this test with SIGHTLINE_UPDATE_DOCS=1)"
    );
}
