//! The DfE returns: schema validity, round trips through import, and bad input.

use std::sync::OnceLock;

use formats::{cin, ssda903};
use model::{CaseModel, CollectionYear, Date};
use proptest::prelude::*;

/// A small clean authority, generated once for all tests.
fn model() -> &'static CaseModel {
    static M: OnceLock<CaseModel> = OnceLock::new();
    M.get_or_init(|| {
        synth::generate(
            &synth::Config::new(4_000, 11, Date::ymd(2026, 3, 31)),
            &|_, _| {},
        )
        .model
    })
}

fn schema_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/spec/schemas")
}

#[test]
fn cin_xml_validates_against_the_schema_for_every_year() {
    if std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("SIGHTLINE_SKIP_XMLLINT").is_ok(),
            "xmllint is not installed (apt-get install libxml2-utils), or set SIGHTLINE_SKIP_XMLLINT=1"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    for ending in CollectionYear::SUPPORTED {
        let year = CollectionYear::ending(ending);
        let census = cin::derive(model(), year);
        assert!(
            census.children.len() > 100,
            "{year}: {}",
            census.children.len()
        );
        let xml = cin::write(&census);
        let text = String::from_utf8(xml.clone()).unwrap();
        assert_eq!(text.contains("<Sex>"), ending >= 2025, "{year}");
        assert_eq!(text.contains("<GenderCurrent>"), ending < 2025, "{year}");
        let mut schema =
            std::fs::read_to_string(schema_dir().join(cin::schema_file(year))).unwrap();
        if cin::schema_file(year) == "CIN_schema_2023.xsd" {
            // This copy types NumberOfPreviousCPP as positiveInteger, refusing the 0 of a
            // first plan; the DfE rule only requires presence and later copies allow 0.
            let from = r#"name="NumberOfPreviousCPP" type="xs:positiveInteger""#;
            assert_eq!(schema.matches(from).count(), 1);
            schema = schema.replace(
                from,
                r#"name="NumberOfPreviousCPP" type="xs:nonNegativeInteger""#,
            );
        }
        let xsd = dir.path().join(format!("schema{ending}.xsd"));
        std::fs::write(&xsd, schema).unwrap();
        let file = dir.path().join(format!("cin{ending}.xml"));
        std::fs::write(&file, &xml).unwrap();
        let out = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{year}: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .take(10)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

fn cin_round_trip(m: &CaseModel, year: CollectionYear) {
    let first = cin::write(&cin::derive(m, year));
    let read = cin::read("census.xml", &first, None).unwrap();
    assert_eq!(read.year, year);
    let (tables, la) = cin::into_tables(&read, "census.xml").unwrap();
    let again = CaseModel { la, tables };
    assert!(again.tables.check_integrity().is_empty());
    let second = cin::write(&cin::derive(&again, year));
    assert_same(&first, &second);
}

fn assert_same(a: &[u8], b: &[u8]) {
    if a != b {
        let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
        let line = a.lines().zip(b.lines()).position(|(x, y)| x != y);
        panic!(
            "outputs differ at line {line:?}: {:?} vs {:?}",
            line.and_then(|l| a.lines().nth(l)),
            line.and_then(|l| b.lines().nth(l))
        );
    }
}

#[test]
fn cin_export_import_export_is_byte_identical() {
    cin_round_trip(model(), CollectionYear::ending(2026));
}

fn r903_round_trip(m: &CaseModel, year: CollectionYear) {
    let ret = ssda903::derive(m, year);
    let prev = ssda903::derive(m, year.previous());
    let csv = ret.write_csv();
    let read = ssda903::Return903::read_csv(year, &csv).unwrap();
    assert_eq!(read, ret);
    let prev_read = ssda903::Return903::read_csv(year.previous(), &prev.write_csv()).unwrap();
    let merged = ssda903::merge(prev_read, read);
    let (tables, la) = ssda903::into_tables(&merged, "999", "903").unwrap();
    assert!(
        tables.check_integrity().is_empty(),
        "{:?}",
        tables.check_integrity().first()
    );
    let again = ssda903::derive(&CaseModel { la, tables }, year);
    for (a, b) in csv.iter().zip(again.write_csv()) {
        assert_eq!(a.name, b.name);
        assert_same(&a.bytes, &b.bytes);
    }
    let xml = ssda903::write_xml(&ret);
    let from_xml = ssda903::read_xml("903.xml", &xml, year).unwrap();
    assert_eq!(from_xml.write_csv(), csv);
}

#[test]
fn ssda903_export_import_export_is_byte_identical() {
    let ret = ssda903::derive(model(), CollectionYear::ending(2026));
    assert!(ret.episodes.len() > 30 && ret.oc2.len() > 5 && ret.reviews.len() > 30);
    r903_round_trip(model(), CollectionYear::ending(2026));
    r903_round_trip(model(), CollectionYear::ending(2025));
}

#[test]
fn ssda903_sex_and_tables_follow_the_year() {
    let old = ssda903::derive(model(), CollectionYear::ending(2024)).write_csv();
    let new = ssda903::derive(model(), CollectionYear::ending(2027)).write_csv();
    let names = |f: &[ssda903::CsvFile]| f.iter().map(|f| f.name.clone()).collect::<Vec<_>>();
    assert!(!names(&old).contains(&"DoLo.csv".to_string()));
    assert!(names(&new).contains(&"DoLo.csv".to_string()));
    let header = |f: &[ssda903::CsvFile]| {
        String::from_utf8(
            f.iter()
                .find(|f| f.name == "Header.csv")
                .unwrap()
                .bytes
                .clone(),
        )
        .unwrap()
    };
    let second_cell = |s: String| {
        s.lines()
            .nth(1)
            .unwrap()
            .split(',')
            .nth(1)
            .unwrap()
            .to_string()
    };
    assert!(["1", "2"].contains(&second_cell(header(&old)).as_str()));
    assert!(["M", "F", "U"].contains(&second_cell(header(&new)).as_str()));
}

#[test]
fn bad_cin_files_are_reported_with_their_place() {
    let good = cin::write(&cin::derive(model(), CollectionYear::ending(2026)));
    let text = String::from_utf8(good).unwrap();
    let cases: Vec<(String, &str)> = vec![
        ("<Message><Children>".into(), "closing tag"),
        ("<Foo/>".into(), "root element is <Message>"),
        (
            text.replacen(
                "<ChildIdentifiers>",
                "<ChildIdentifiers><Nickname>x</Nickname>",
                1,
            ),
            "Nickname",
        ),
        (
            text.replacen("<CINreferralDate>20", "<CINreferralDate>31/13/", 1),
            "CINreferralDate",
        ),
        (
            text.replacen("<ReferralSource>", "<ReferralSource>ZZ", 1),
            "ReferralSource",
        ),
        (
            text.replacen(
                "<ReferralNFA>0</ReferralNFA>",
                "<ReferralNFA>maybe</ReferralNFA>",
                1,
            ),
            "yes/no",
        ),
        (text.replacen("<UPN>", "<UPN>X", 1), "UPN"),
        (String::new(), "no elements"),
    ];
    for (doc, want) in cases {
        let e = cin::read("bad.xml", doc.as_bytes(), None).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("bad.xml"), "{msg}");
        assert!(msg.contains(want), "wanted {want:?} in {msg}");
        if !doc.is_empty() {
            assert!(e.line.is_some(), "{msg}");
        }
    }
    for yes in ["true", "TRUE", "1"] {
        let doc = text.replacen(
            "<ReferralNFA>0</ReferralNFA>",
            &format!("<ReferralNFA>{yes}</ReferralNFA>"),
            1,
        );
        let c = cin::read("ok.xml", doc.as_bytes(), None).unwrap();
        assert!(c
            .children
            .iter()
            .flat_map(|c| &c.details)
            .any(|d| d.referral_nfa));
    }
}

#[test]
fn bad_903_files_are_reported_with_their_place() {
    let year = CollectionYear::ending(2026);
    let files = ssda903::derive(model(), year).write_csv();
    let episodes = files.iter().find(|f| f.name == "Episodes.csv").unwrap();
    let text = String::from_utf8(episodes.bytes.clone()).unwrap();
    let second_line_date = text
        .lines()
        .nth(1)
        .unwrap()
        .split(',')
        .nth(1)
        .unwrap()
        .to_string();
    let cases = vec![
        (
            "CHILD,WHATEVER\r\n1,2\r\n".to_string(),
            "columns of one SSDA903 table",
        ),
        (text.replacen(&second_line_date, "32/01/2025", 1), "DECOM"),
        (text.replacen(",S,", ",Q,", 1), "RNE"),
        (text.replacen("\r\n", "\r\nX,Y\r\n", 1), "cells"),
    ];
    for (csv, want) in cases {
        let f = ssda903::CsvFile {
            name: "Episodes.csv".into(),
            bytes: csv.into_bytes(),
        };
        let e = ssda903::Return903::read_csv(year, &[f]).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("Episodes.csv"), "{msg}");
        assert!(msg.contains(want), "wanted {want:?} in {msg}");
        assert!(e.line.is_some(), "{msg}");
    }
    let twice = vec![
        episodes.clone(),
        ssda903::CsvFile {
            name: "copy.csv".into(),
            ..episodes.clone()
        },
    ];
    assert!(ssda903::Return903::read_csv(year, &twice)
        .unwrap_err()
        .to_string()
        .contains("one file per table"));
    let e = ssda903::read_xml("x.xml", b"<EXPSSDA903><CHILD><HEADER><CHILDID>A</CHILDID><SEX>Q</SEX></HEADER></CHILD></EXPSSDA903>", year)
        .unwrap_err();
    assert!(e.to_string().contains("SEX"), "{e}");
}

/// Fuzz cases per reader and strategy; 4 readers × 2 strategies × this many executions.
const FUZZ_CASES: u32 = 600;

fn small_inputs() -> &'static (Vec<u8>, Vec<u8>, Vec<u8>) {
    static S: OnceLock<(Vec<u8>, Vec<u8>, Vec<u8>)> = OnceLock::new();
    S.get_or_init(|| {
        let m = synth::generate(
            &synth::Config::new(300, 5, Date::ymd(2026, 3, 31)),
            &|_, _| {},
        )
        .model;
        let y = CollectionYear::ending(2026);
        let r = ssda903::derive(&m, y);
        let episodes = r
            .write_csv()
            .into_iter()
            .find(|f| f.name == "Episodes.csv")
            .unwrap()
            .bytes;
        (
            cin::write(&cin::derive(&m, y)),
            ssda903::write_xml(&r),
            episodes,
        )
    })
}

fn mutate(base: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut v = base.to_vec();
    for &(pos, op, byte) in edits {
        if v.is_empty() {
            break;
        }
        let p = pos % v.len();
        match op % 3 {
            0 => v[p] = byte,
            1 => v.insert(p, byte),
            _ => {
                v.remove(p);
            }
        }
    }
    v
}

fn read_all(bytes: &[u8]) {
    let y = CollectionYear::ending(2026);
    let _ = cin::read("f.xml", bytes, None);
    let _ = ssda903::read_xml("f.xml", bytes, y);
    let _ = ssda903::Return903::read_csv(
        y,
        &[ssda903::CsvFile {
            name: "f.csv".into(),
            bytes: bytes.to_vec(),
        }],
    );
    if let Ok(c) = cin::read("f.xml", bytes, None) {
        let _ = cin::into_tables(&c, "f.xml");
    }
    if let Ok(r) = ssda903::read_xml("f.xml", bytes, y) {
        let _ = ssda903::into_tables(&r, "999", "f.xml");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: FUZZ_CASES, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        read_all(&bytes);
    }

    #[test]
    fn readers_never_panic_on_damaged_returns(
        which in 0usize..3,
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let (a, b, c) = small_inputs();
        let base = [a, b, c][which];
        read_all(&mutate(base, &edits));
    }
}

/// DoLOs are collected from 2026-27: in the DoLo table that year (and through a round trip),
/// absent before.
#[test]
fn deprivation_of_liberty_orders_reach_the_903_from_2026_27() {
    let mut m = model().clone();
    let child = m
        .tables
        .cla_episodes
        .iter()
        .find(|e| e.clae_cla_episode_ceased_date.is_none())
        .map(|e| e.clae_person_id.clone())
        .unwrap();
    m.tables.deprivations_of_liberty.clear();
    for (id, start, end) in [
        ("D1", Date::ymd(2025, 6, 1), Some(Date::ymd(2025, 9, 30))),
        ("D2", Date::ymd(2026, 1, 10), None),
    ] {
        m.tables
            .deprivations_of_liberty
            .push(model::tables::DeprivationOfLiberty {
                dolo_table_id: model::Id::new(id).unwrap(),
                dolo_person_id: child.clone(),
                dolo_start_date: start,
                dolo_end_date: end,
            });
    }
    assert!(ssda903::derive(&m, CollectionYear::ending(2026))
        .dolo
        .is_empty());
    let ret = ssda903::derive(&m, CollectionYear::ending(2027));
    let rows: Vec<_> = ret
        .dolo
        .iter()
        .map(|d| (d.child.as_str(), d.dolo_start, d.dolo_end))
        .collect();
    // Only the order in force in 2026-27; the one that ended in 2025 belongs to no 2026-27 row.
    assert_eq!(rows, [(child.as_str(), Date::ymd(2026, 1, 10), None)]);
    r903_round_trip(&m, CollectionYear::ending(2027));
}
