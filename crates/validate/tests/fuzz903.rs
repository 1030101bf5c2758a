//! Fuzzing the 903 readers and rule packs: arbitrary bytes, and returns built from the
//! values rules look for (dates, codes, shared child ids) then mutated byte by byte, go
//! through the CSV and XML readers and, when they read, through every year pack
//! (2022-23 to 2026-27). No input may panic and no rule may fail.
//!
//! The default case count keeps this to a few seconds; `FUZZ903_CASES=100000` runs more.
//! Each test prints how many inputs it ran (executions), the pack runs they made, and the time.

mod common;

use common::{cases, fuzz};
use proptest::prelude::*;
use std::path::Path;
use validate::engine::YEARS;
use validate::ssda903::{self, report, Ctx, FileFormat, Tables, T};

const DATE_COLUMNS: &[&str] = &[
    "DOB",
    "MC_DOB",
    "DECOM",
    "DEC",
    "REVIEW",
    "DUC",
    "DATE_INT",
    "DATE_MATCH",
    "DATE_PLACED",
    "DATE_PLACED_CEASED",
    "DATE_PERM",
    "MIS_START",
    "MIS_END",
    "SW_DECOM",
    "SW_DEC",
    "DOLO_START",
    "DOLO_END",
];

/// Around the collection years, their edges, leap days, and dates that are not quite dates.
const DATES: &[&str] = &[
    "01/04/2022",
    "31/03/2023",
    "01/04/2023",
    "31/03/2024",
    "01/04/2024",
    "29/02/2024",
    "31/03/2025",
    "01/04/2025",
    "15/06/2025",
    "31/03/2026",
    "01/04/2026",
    "31/03/2027",
    "01/01/2008",
    "14/07/2012",
    "01/01/2020",
    "28/02/2010",
    "01/01/1900",
    "31/12/9999",
    "01/01/0001",
    "29/02/2023",
    "32/01/2025",
    "2025-04-01",
    "1/4/2025",
    "00/00/0000",
    "01/13/2025",
    "",
];

#[rustfmt::skip]
const CODES: &[&str] = &[
    "", "0", "1", "2", "3", "4", "5", "6", "7", "12", "1.0", "7.0", "-1", "40", "99", "M", "F",
    "U", "X", "Y", "N", "S", "P", "L", "T", "B", "A", "NAN", "L1", "L2", "L3", "L4", "C1", "C2",
    "D1", "E1", "E11", "E12", "J1", "J2", "J3", "V2", "V3", "V4", "N1", "N2", "N4", "N8", "X1",
    "E2", "E3", "E4A", "E4B", "E5", "E7", "E8", "E9", "E11", "E13", "E15", "E17", "E41", "E45",
    "E46", "E48", "A2", "A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1",
    "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
    "Z1", "Z11", "Z12", "Z13", "Z14", "PR0", "PR1", "PR2", "PR3", "PR4", "PR5", "RD1", "RD4",
    "PN0", "PN4", "PN7", "SDQ1", "SDQ5", "MM", "MF", "FF", "WBRI", "NOBT", "REFU", "UN1", "UN4",
    "UN5", "IOS", "NREQ", "SEPT", "JAN", "CHNE", "G1", "G6", "F1", "F5", "M1", "W1", "Y1",
    "SC123456", "XXXXXX", "1234567", "A123456789012", "ZZ1 1ZZ", "ZZ1", "E08000018", "999",
];

/// Few ids, so children meet across tables and years.
const CHILDREN: &[&str] = &["1", "2", "3", "SYN1", "", "1 "];

fn cell(column: &'static str) -> BoxedStrategy<String> {
    let pool = if DATE_COLUMNS.contains(&column) {
        DATES
    } else if column == "CHILD" {
        CHILDREN
    } else {
        CODES
    };
    prop_oneof![
        12 => prop::sample::select(pool).prop_map(String::from),
        2 => prop::sample::select(CODES).prop_map(String::from),
        1 => "\\PC{0,8}",
    ]
    .boxed()
}

type Rows = Vec<Vec<String>>;

/// A table's rows, or the table left out (3 times in 20).
fn rows(t: T) -> impl Strategy<Value = Option<Rows>> {
    let row: Vec<BoxedStrategy<String>> = t.columns().iter().map(|c| cell(c)).collect();
    prop::option::weighted(0.85, prop::collection::vec(row, 0..6))
}

/// Byte edits: (position per mille, what to do, byte used).
type Mutations = Vec<(u16, u8, u8)>;

fn mutate(text: &str, edits: &Mutations) -> String {
    const BYTES: &[u8] = b",\"\n\r <>/&;'0A\xc3\xa9\t";
    let mut b = text.as_bytes().to_vec();
    for &(at, op, v) in edits {
        let i = b.len() * at as usize / 1000;
        let byte = BYTES[v as usize % BYTES.len()];
        match op % 4 {
            0 => b.insert(i, byte),
            1 if i < b.len() => {
                b.remove(i);
            }
            2 if i < b.len() => b[i] = byte,
            _ => b.truncate(i),
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

fn to_csv(t: T, rows: &Rows) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(t.columns()).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The current tables as the XML return lays them out: one element per child id, holding
/// its header and UASC leaves, its episodes and a HEADER of reviews, missing, OC2,
/// permanence and adoption placements.
fn to_xml(tables: &[(T, Rows)]) -> String {
    let leaves = |t: T, r: &[String]| -> String {
        t.columns()
            .iter()
            .zip(r)
            .filter(|(c, _)| **c != "CHILD")
            .map(|(c, v)| format!("<{c}>{}</{c}>", escape(v)))
            .collect()
    };
    let mut ids: Vec<&str> = tables
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r[0].as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut x = String::from("<Message><Children>");
    for id in ids {
        x += &format!("<Child><CHILDID>{}</CHILDID>", escape(id));
        let mut header = String::new();
        for (t, rows) in tables {
            for r in rows.iter().filter(|r| r[0] == id) {
                let l = leaves(*t, r);
                match t {
                    T::Header | T::Uasc | T::Oc3 | T::Ad1 => x += &l,
                    T::Episodes => x += &format!("<EPISODE>{l}</EPISODE>"),
                    T::Reviews => header += &format!("<AREVIEW>{l}</AREVIEW>"),
                    T::Missing => header += &format!("<AMISSING>{l}</AMISSING>"),
                    T::Oc2 => header += &format!("<OC2>{l}</OC2>"),
                    T::PrevPerm => header += &format!("<PERMANENCE>{l}</PERMANENCE>"),
                    T::PlacedAdoption => header += &format!("<AD_PLACED>{l}</AD_PLACED>"),
                    _ => {}
                }
            }
        }
        x += &format!("<HEADER>{header}</HEADER></Child>");
    }
    x + "</Children></Message>"
}

/// Runs every year's pack over the tables; no rule may fail.
fn run_packs(tables: &mut Tables, format: FileFormat, la: Option<&str>) {
    tables.derive_header_uasc();
    for year in YEARS {
        let cx = Ctx::new(tables, year, la, format);
        let r = report::validate(&cx);
        common::pack_ran();
        assert!(r.failed.is_empty(), "{year}: rules failed: {:?}", r.failed);
        // The report's writers walk every issue back to its row.
        r.write_child_summary_csv(&cx, std::io::sink()).unwrap();
    }
}

fn return_strategy() -> impl Strategy<Value = Vec<(T, Option<Rows>)>> {
    T::CURRENT
        .iter()
        .flat_map(|&t| [t, t.last()])
        .map(|t| rows(t).prop_map(move |r| (t, r)))
        .collect::<Vec<_>>()
}

fn edit() -> impl Strategy<Value = (u16, u8, u8)> {
    any::<(u16, u8, u8)>().prop_map(|(at, op, v)| (at % 1001, op, v))
}

/// Generated returns, each CSV text possibly mutated, read as CSV and run.
#[test]
fn csv_returns_never_fail_a_rule() {
    let la = prop::option::of(prop::sample::select(&["E08000018", "999", ""][..]));
    let edits = prop::collection::vec(prop::collection::vec(edit(), 0..3), 24);
    let strategy = (return_strategy(), edits, any::<bool>(), la);
    fuzz(
        "csv",
        cases("FUZZ903_CASES"),
        strategy,
        |(tables, edits, mutate_some, la)| {
            let mut into = Tables::default();
            for (i, (t, rows)) in tables.iter().enumerate() {
                let Some(rows) = rows else { continue };
                let mut text = to_csv(*t, rows);
                if mutate_some {
                    text = mutate(&text, &edits[i]);
                }
                // A mutation may break the file (a typed error) or turn it into another table.
                if let Ok((kind, table)) =
                    ssda903::read_csv_text(Path::new("fuzz.csv"), &text, t.is_last())
                {
                    into.insert(kind, table);
                }
            }
            run_packs(&mut into, FileFormat::Csv, la);
        },
    );
}

/// The same returns as XML (this year) plus CSV (last year), the XML possibly mutated.
#[test]
fn xml_returns_never_fail_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("SSDA903.xml");
    let strategy = (return_strategy(), prop::collection::vec(edit(), 0..4));
    fuzz(
        "xml",
        cases("FUZZ903_CASES"),
        strategy,
        |(tables, edits)| {
            let current: Vec<(T, Rows)> = tables
                .iter()
                .filter(|(t, _)| !t.is_last())
                .filter_map(|(t, r)| r.clone().map(|r| (*t, r)))
                .collect();
            std::fs::write(&path, mutate(&to_xml(&current), &edits)).unwrap();
            let mut into = Tables::default();
            if ssda903::read_xml(&path, false, &mut into).is_err() {
                return;
            }
            for (t, rows) in tables.iter().filter(|(t, _)| t.is_last()) {
                if let Some(rows) = rows {
                    let text = to_csv(*t, rows);
                    let (kind, table) =
                        ssda903::read_csv_text(Path::new("last.csv"), &text, true).unwrap();
                    into.insert(kind, table);
                }
            }
            run_packs(&mut into, FileFormat::Xml, Some("E08000018"));
        },
    );
}

/// Any bytes at all: the readers return tables or a typed error, never panic.
#[test]
fn readers_take_any_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("any.xml");
    let strategy = (
        prop::collection::vec(any::<u8>(), 0..400),
        0usize..T::CURRENT.len(),
    );
    fuzz(
        "bytes",
        cases("FUZZ903_CASES"),
        strategy,
        |(bytes, header)| {
            let text = String::from_utf8_lossy(&bytes);
            let _ = ssda903::read_csv_text(Path::new("any.csv"), &text, false);
            // Behind a valid header, so the rows are read and run too.
            let t = T::CURRENT[header];
            let text = format!("{}\n{text}", t.columns().join(","));
            if let Ok((kind, table)) = ssda903::read_csv_text(Path::new("any.csv"), &text, false) {
                let mut into = Tables::default();
                into.insert(kind, table);
                run_packs(&mut into, FileFormat::Csv, None);
            }
            std::fs::write(&path, &bytes).unwrap();
            let _ = ssda903::read_xml(&path, false, &mut Tables::default());
        },
    );
}
