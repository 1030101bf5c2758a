//! Fuzzing the import paths uploads take (`formats::intake`): whatever the bytes, zip
//! archives and files read into an error or a model, never a panic.

use std::io::Write;

use formats::intake::{self, AnnexAOptions};
use model::CollectionYear;
use proptest::prelude::*;

fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(vec![]);
    {
        let mut w = zip::ZipWriter::new(&mut buf);
        for (n, b) in entries {
            w.start_file(n.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(b).unwrap();
        }
        w.finish().unwrap();
    }
    buf.into_inner()
}

/// File names an upload might hold: SSD tables, 903 tables, la.json, anything else.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("ssd_person.csv".to_string()),
        Just("ssd_contacts.csv".to_string()),
        Just("la.json".to_string()),
        Just("header.csv".to_string()),
        Just("episodes.csv".to_string()),
        Just("return.xml".to_string()),
        Just("annex.xlsx".to_string()),
        "[a-z/]{1,12}\\.(csv|xml|json)",
    ]
}

/// Bytes that are often nearly valid: CSV-ish text, or anything.
fn content() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[A-Za-z_,0-9/\\-\n\"]{0,200}".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..200),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn unzip_never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = intake::unzip("x.zip", &bytes, 1 << 20);
    }

    #[test]
    fn unzip_never_panics_on_a_damaged_archive(
        files in proptest::collection::vec((name(), content()), 1..4),
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    ) {
        // A zip holds each name once.
        let files: Vec<(String, Vec<u8>)> = files
            .into_iter()
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        let mut z = zip_of(&files);
        for (at, b) in damage {
            let i = at.index(z.len());
            z[i] = b;
        }
        let _ = intake::unzip("x.zip", &z, 1 << 20);
    }

    #[test]
    fn every_kind_of_import_reads_any_files_without_panicking(
        files in proptest::collection::vec((name(), content()), 0..5),
    ) {
        let _ = intake::ssd(&files);
        let _ = intake::ssda903(&files, &[], CollectionYear::ending(2026), "372");
        if let Some((n, b)) = files.first() {
            let _ = intake::cin(n, b, None);
        }
        let _ = intake::annex_a(&files, &AnnexAOptions {
            as_at: None,
            la_code: "372".into(),
            la_name: "Test".into(),
            child_population: 1000,
            accept_problems: true,
        });
    }
}
