//! DfE benchmark files: stored with provenance, loaded back as parsed, and replaced all or
//! nothing. The files are small synthetic ones in the DfE layout.

#[macro_use]
mod common;

use common::Backend;
use indicators::benchmarks::BenchmarkSet;
use store::{Store, StoreError};

on_both_backends!(
    benchmarks_round_trip,
    a_bad_file_leaves_the_benchmarks_as_they_were
);

const STATS: &str = "\u{feff}time_period,time_identifier,geographic_level,country_code,country_name,\
region_code,region_name,old_la_code,new_la_code,la_name,category,rereferral_count,rereferral_percent
2025,Reporting year,National,E92000001,England,,,,,,Referrals,142900,22.6
2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,372,E08000018,Rotherham,Referrals,c,19.6
2024,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,372,E08000018,Rotherham,Referrals,700,x
2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,370,E08000016,Barnsley,Referrals,600,25.5
2025,Reporting year,Local authority,E92000001,England,E12000002,North West,357,E08000008,Tameside,Referrals,900,27.7
";

const SN: &str = "old_la_code,la_name,region_ind,region_name,SN_1,SN_1P,SN_2,SN_2P
372,Rotherham,9,Yorkshire and The Humber,370,Very close,357,Close 
";

fn files(stats: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "in/c1_test_2013_to_2025.csv".into(),
            stats.as_bytes().to_vec(),
        ),
        ("in/sn_model_test.csv".into(), SN.as_bytes().to_vec()),
        ("in/notes.csv".into(), b"a,b\n1,2\n".to_vec()),
    ]
}

async fn benchmarks_round_trip(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    assert_eq!(store.benchmarks().await.unwrap(), BenchmarkSet::default());
    let input = files(STATS);
    let summary = store.import_benchmarks(&input).await.unwrap();
    let kinds: Vec<_> = summary
        .iter()
        .map(|s| (s.name.as_str(), s.kind, s.rows))
        .collect();
    assert_eq!(
        kinds,
        [
            ("c1_test_2013_to_2025", "statistics", 5),
            ("sn_model_test", "neighbours", 1),
            ("notes", "skipped", 0)
        ]
    );
    let want = BenchmarkSet::from_files(&input).unwrap().0;
    let got = store.benchmarks().await.unwrap();
    assert_eq!(got, want, "[{}]", b.name);
    let f = &got.files["c1_test_2013_to_2025"];
    assert_eq!(f.rows[1].values, [None, Some(19.6)]);
    assert_eq!(
        got.sn.as_ref().unwrap().las["372"].neighbours,
        ["370", "357"]
    );

    let stored = store.benchmark_files().await.unwrap();
    let names: Vec<_> = stored
        .iter()
        .map(|f| (f.name.as_str(), f.kind.as_str(), f.rows))
        .collect();
    assert_eq!(
        names,
        [
            ("c1_test_2013_to_2025.csv", "statistics", 5),
            ("sn_model_test.csv", "neighbours", 1)
        ]
    );
    // SHA-256 of the SN file's exact bytes (`sha256sum` of the SN text above).
    use sha2::Digest;
    assert_eq!(
        stored[1].sha256,
        hex::encode(sha2::Sha256::digest(SN.as_bytes()))
    );
    assert_eq!(stored[1].sha256.len(), 64);

    // A second import replaces the first entirely.
    let only_stats = &input[..1];
    store.import_benchmarks(only_stats).await.unwrap();
    let got = store.benchmarks().await.unwrap();
    assert!(
        got.sn.is_none() && got.files.len() == 1,
        "[{}] {got:?}",
        b.name
    );
}

async fn a_bad_file_leaves_the_benchmarks_as_they_were(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    store.import_benchmarks(&files(STATS)).await.unwrap();
    let before = (
        store.benchmarks().await.unwrap(),
        store.benchmark_files().await.unwrap(),
    );
    // A good file first, then one whose number column holds a cell that is not a number.
    let mut input = files(&STATS.replace(",22.6\n", ",22.6.1\n"));
    input.insert(0, ("d3_other.csv".into(), STATS.as_bytes().to_vec()));
    let e = store.import_benchmarks(&input).await.unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, StoreError::Benchmarks(_)), "{e:?}");
    assert!(
        msg.contains("c1_test_2013_to_2025, line 2, column rereferral_percent")
            && msg.contains("22.6.1"),
        "{msg}"
    );
    let after = (
        store.benchmarks().await.unwrap(),
        store.benchmark_files().await.unwrap(),
    );
    assert_eq!(after, before, "[{}]", b.name);
}
