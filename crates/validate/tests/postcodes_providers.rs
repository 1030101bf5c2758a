//! The 903 reference inputs: postcode-derived Episodes columns from a small hand-made lookup,
//! and the Ofsted provider lists from small workbooks with the real lists' headers.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};
use validate::ssda903::{
    derive_postcode_fields, read_provider_lists, PostcodeError, Postcodes, ProviderError, Tables, T,
};
use validate::Table;

const LOOKUP: &str = "\
postcode,utla,easting,northing
TW9 1AA,E09000027,518000,175000
SW1A 1AA,E09000033,529090,179645
EH1  1AA,S12000036,325900,673900
CF10 1AA,W06000015,318500,176400
BT1 1AA,N09000003,333000,374000
CA1 1AA,E06000063,340000,555000
GY1 1AA,,,
TW9 1AB,E09000027,,
YO1 7HH,E06000014,460000,452000
";

fn lookup() -> Postcodes {
    Postcodes::from_reader(Path::new("lookup.csv"), LOOKUP.as_bytes()).expect("lookup")
}

/// Episodes of (HOME_POST, PL_POST).
fn episodes(rows: &[[&str; 2]]) -> Tables {
    let rows: Vec<[&str; 3]> = rows.iter().map(|[h, p]| ["1", *h, *p]).collect();
    let mut t = Tables::default();
    t.insert(
        T::Episodes,
        Table::from_rows(&["CHILD", "HOME_POST", "PL_POST"], &rows),
    );
    t
}

fn derived(t: &Tables, table: T) -> Vec<[String; 3]> {
    let e = t.get(table).expect("table");
    e.rows()
        .map(|r| ["PL_LA", "PL_LOCATION", "PL_DISTANCE"].map(|c| e.col(c).text(r).to_string()))
        .collect()
}

#[test]
fn derives_authority_location_and_distance() {
    // Everyone lives at TW9 1AA (in E09000027); each is placed at the second postcode.
    let placements = [
        "TW9 1AA",
        "SW1A 1AA",
        "EH11AA",
        "CF10  1AA",
        "BT1 1AA",
        "CA1 1AA",
        "GY1 1AA",
        "TW9 1AB",
        "ZZ1 1ZZ",
        "",
        "TW9\t1AA",
    ];
    let rows: Vec<[&str; 3]> = placements.iter().map(|p| ["1", "TW9 1AA", *p]).collect();
    let mut t = Tables::default();
    t.insert(
        T::Episodes,
        Table::from_rows(&["CHILD", "HOME_POST", "PL_POST"], &rows),
    );
    derive_postcode_fields(&mut t, "E09000027", &lookup());
    let want = [
        ["E09000027", "IN", "0"],
        ["E09000033", "OUT", "7.5"],
        ["SCO", "OUT", "332.2"],
        ["WAL", "OUT", "124"],
        ["NIR", "OUT", "168.8"],
        // An authority the reference's 2021 table lacks: no PL_LA, but placed out.
        ["", "OUT", "260.7"],
        // A postcode without an authority or grid reference.
        ["", "", ""],
        ["E09000027", "IN", ""],
        ["", "", ""],
        ["", "", ""],
        // Only spaces are removed.
        ["", "", ""],
    ];
    let got = derived(&t, T::Episodes);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(g.each_ref().map(String::as_str), w, "row {i}");
    }
    assert_eq!(got.len(), want.len());
}

#[test]
fn distance_and_last_year() {
    let mut t = Tables::default();
    let e = Table::from_rows(
        &["CHILD", "HOME_POST", "PL_POST"],
        &[["1", "BT1 1AA", "CA1 1AA"], ["2", "SW1A1AA", "TW9 1AA"]],
    );
    t.insert(T::EpisodesLast, e);
    derive_postcode_fields(&mut t, "E09000033", &lookup());
    let got = derived(&t, T::EpisodesLast);
    // sqrt(7000² + 181000²) m = 112.56… miles.
    assert_eq!(got[0], ["", "OUT", "112.6"].map(String::from));
    assert_eq!(got[1], ["E09000027", "OUT", "7.5"].map(String::from));
}

#[test]
fn leading_space_matches_only_a_loaded_letter() {
    // The reference loads its data by the first letter of each value; " YO1 7HH" starts with
    // a space, so it is found only once some earlier value began with Y.
    let mut t = episodes(&[["TW9 1AA", " YO1 7HH"]]);
    derive_postcode_fields(&mut t, "E09000027", &lookup());
    assert_eq!(derived(&t, T::Episodes)[0], ["", "", ""].map(String::from));

    // Another HOME_POST starting with Y loads the letter before the column is looked up.
    let mut t = episodes(&[[" YO1 7HH", "YO1 7HH"], ["YO1 7HH", "TW9 1AA"]]);
    derive_postcode_fields(&mut t, "E09000027", &lookup());
    assert_eq!(
        derived(&t, T::Episodes)[0],
        ["E06000014", "OUT", "0"].map(String::from)
    );
}

#[test]
fn ons_names_and_district_codes() {
    // ONS-style headers, a BOM, a district code mapped to its county as the reference does.
    let csv = "\u{feff}pcd,oslaua,oseast1m,osnrth1m\nCB1 1AA,E07000008,545000,258000\nHX1 1AA,E08000033,409000,425000\nZE1 0AA,S12000027,447000,1141000\n";
    let pc = Postcodes::from_reader(Path::new("onspd.csv"), csv.as_bytes()).unwrap();
    assert_eq!(pc.len(), 3);
    assert_eq!(
        pc.authority_of("cb1 1aa"),
        Some(("E10000003", "Cambridgeshire"))
    );
    assert_eq!(pc.authority_of("HX11AA"), Some(("E08000033", "Calderdale")));
    assert_eq!(pc.authority_of("ZE1 0AA"), None);
    let mut t = episodes(&[["CB1 1AA", "ZE1 0AA"]]);
    derive_postcode_fields(&mut t, "E10000003", &pc);
    assert_eq!(
        derived(&t, T::Episodes)[0][..2],
        ["SCO", "OUT"].map(String::from)
    );
}

#[test]
fn lookup_errors_name_the_place() {
    let read = |s: &str| Postcodes::from_reader(Path::new("pc.csv"), s.as_bytes()).unwrap_err();
    let e = read("postcode,easting,northing\nTW9 1AA,1,2\n");
    assert!(
        matches!(
            e,
            PostcodeError::MissingColumn {
                wanted: "authority",
                ..
            }
        ),
        "{e}"
    );
    let e = read("postcode,utla,easting,northing\nTW9 1AA,E09000027,1,2\nSW1A 1AA,E09000033,x,2\n");
    let msg = e.to_string();
    assert!(
        msg.contains("line 3") && msg.contains("easting") && msg.contains("\"x\""),
        "{msg}"
    );
    let e = read("postcode,utla,easting,northing\nTW9 1AA,E09000027,1,2\nSW1A 1AA,E09000033,1,2\ntw91aa,E09000027,1,2\n");
    assert!(
        matches!(
            e,
            PostcodeError::Duplicate {
                line: 4,
                first: 2,
                ..
            }
        ),
        "{e}"
    );
}

// ---- provider lists -------------------------------------------------------------------

fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, m, d).unwrap()
}

enum Cell {
    S(&'static str),
    D(ExcelDateTime),
    N(f64),
    E,
}
use Cell::{D, E, N, S};

/// A sheet: its name, header row and data rows.
type Sheet<'a> = (&'a str, &'a [&'a str], Vec<Vec<Cell>>);

fn workbook(path: &Path, sheets: &[Sheet]) {
    let mut wb = Workbook::new();
    let fmt = Format::new().set_num_format("dd/mm/yyyy");
    for (name, headers, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                match cell {
                    S(s) => ws.write_string(r, c, *s).map(|_| ()),
                    D(d) => ws.write_datetime_with_format(r, c, d, &fmt).map(|_| ()),
                    N(n) => ws.write_number(r, c, *n).map(|_| ()),
                    E => Ok(()),
                }
                .unwrap();
            }
        }
    }
    wb.save(path).unwrap();
}

const CH_HEADERS: &[&str] = &[
    "URN",
    "Provider Type",
    "Setting Name",
    "Local Authority",
    "Provider Code",
    "Provider Placement Code",
    "Closed Date",
    "Setting Postcode",
];
const SCP_CURRENT: &[&str] = &[
    "URN",
    "Provider type",
    "Sector",
    "Local authority",
    "Placement code",
    "Placement provider code",
    "Setting postcode",
];
const SCP_CLOSED: &[&str] = &[
    "URN",
    "Provider type",
    "Sector",
    "Local authority",
    "Placement code",
    "Placement provider code",
    "Deregistration date",
    "Setting postcode",
];

fn lists(dir: &Path) -> (PathBuf, PathBuf) {
    let ch = dir.join("ch.xlsx");
    workbook(
        &ch,
        &[(
            "Provider information",
            CH_HEADERS,
            vec![
                vec![
                    S("SC100001"),
                    S("Children's Home"),
                    S("A"),
                    S("Richmond upon Thames"),
                    S("K2"),
                    S("PR1/PR2"),
                    E,
                    S("tw9 1aa"),
                ],
                vec![
                    N(1000002.0),
                    S("Children's Home"),
                    S("B"),
                    S("Westminster"),
                    S("K2"),
                    S("PR3"),
                    D(date(2025, 6, 30)),
                    S("SW1A 1AA"),
                ],
            ],
        )],
    );
    let scp = dir.join("scp.xlsx");
    workbook(
        &scp,
        &[
            (
                "Current providers",
                SCP_CURRENT,
                vec![
                    vec![
                        S("1000003"),
                        S("Independent Fostering Agency"),
                        S("Private"),
                        S("Cardiff"),
                        S("U4"),
                        S("PR4"),
                        S("CF10 1AA"),
                    ],
                    vec![
                        E,
                        S("Independent Fostering Agency"),
                        S("Private"),
                        S("Cardiff"),
                        S("U4"),
                        S("PR4"),
                        S("CF10 1AA"),
                    ],
                ],
            ),
            (
                "Providers closed",
                SCP_CLOSED,
                vec![vec![
                    S("1000004"),
                    S("Residential Family Centre"),
                    S("Voluntary"),
                    S("Edinburgh"),
                    S("R2"),
                    S("PR5"),
                    D(date(2024, 4, 1)),
                    S("EH1 1AA"),
                ]],
            ),
        ],
    );
    (ch, scp)
}

fn table_rows(t: &Table) -> Vec<Vec<String>> {
    t.rows()
        .map(|r| {
            t.names()
                .iter()
                .map(|n| t.col(n).text(r).to_string())
                .collect()
        })
        .collect()
}

#[test]
fn childrens_homes_and_social_care_providers() {
    let dir = tempfile::tempdir().unwrap();
    let (ch, scp) = lists(dir.path());
    // Either order: the children's homes rows come first.
    let t = read_provider_lists(&[scp, ch], Some(&lookup())).unwrap();
    assert_eq!(t.names(), T::ProviderInfo.columns());
    let want = [
        [
            "SC100001",
            "Richmond upon Thames",
            "K2",
            "PR1,PR2",
            "",
            "TW91AA",
            "CH List",
            "E09000027",
            "Richmond upon Thames",
        ],
        [
            "1000002",
            "Westminster",
            "K2",
            "PR3",
            "30/06/2025",
            "SW1A1AA",
            "CH List",
            "E09000033",
            "Westminster",
        ],
        [
            "1000003",
            "Cardiff",
            "U4",
            "PR4",
            "",
            "CF101AA",
            "SCP List",
            "W06000015",
            "Cardiff",
        ],
        // The social care providers' rows without a URN are dropped.
        [
            "1000004",
            "Edinburgh",
            "R2",
            "PR5",
            "01/04/2024",
            "EH11AA",
            "SCP List",
            "",
            "",
        ],
    ];
    assert_eq!(table_rows(&t), want.map(|r| r.map(String::from).to_vec()));
    // Without a postcode lookup nothing is inferred.
    let t = read_provider_lists(
        &[dir.path().join("ch.xlsx"), dir.path().join("scp.xlsx")],
        None,
    )
    .unwrap();
    assert_eq!(t.col("LA_CODE_INFERRED").str(0), None);
}

#[test]
fn settings_and_address_sheets_join_on_urn() {
    let dir = tempfile::tempdir().unwrap();
    let ch = dir.path().join("homes-two-sheets.xlsx");
    let setting = &CH_HEADERS[..7];
    workbook(
        &ch,
        &[
            (
                "Settings and Inspection Info",
                setting,
                vec![
                    vec![
                        S("SC1"),
                        S("Children's Home"),
                        S("A"),
                        S("Leeds"),
                        S("K2"),
                        S("PR1"),
                        E,
                    ],
                    vec![
                        S("SC2"),
                        S("Children's Home"),
                        S("B"),
                        S("Leeds"),
                        S("K2"),
                        S("PR1"),
                        E,
                    ],
                ],
            ),
            (
                "Address Details",
                &["URN", "Setting Address Postcode"],
                vec![vec![S("SC2"), S("TW9 1AA")]],
            ),
        ],
    );
    let (_, scp) = lists(dir.path());
    let t = read_provider_lists(&[ch, scp], Some(&lookup())).unwrap();
    // SC1 has no address row, so the reference's inner join leaves it out.
    assert_eq!(t.col("URN").str(0), Some("SC2"));
    assert_eq!(t.col("POSTCODE").str(0), Some("TW91AA"));
    assert_eq!(t.col("source").str(1), Some("SCP List"));
}

#[test]
fn combined_list_with_supported_accommodation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("combined.xlsx");
    workbook(
        &path,
        &[
            (
                "Providers",
                &[
                    "URN",
                    "Provider type",
                    "Local authority",
                    "Placement code",
                    "Placement provider code",
                    "Deregistration date",
                    "Setting address postcode",
                ],
                vec![
                    vec![
                        S("SC1"),
                        S("Children's Home"),
                        S("Richmond upon Thames"),
                        S("K2"),
                        S("PR1/PR2"),
                        E,
                        S("TW9 1AA"),
                    ],
                    vec![
                        S("SC2"),
                        S("Children's Home"),
                        S("Westminster"),
                        S("K2"),
                        S("PR2"),
                        D(date(2025, 1, 2)),
                        S("SW1A 1AA"),
                    ],
                ],
            ),
            (
                "SA providers",
                &[
                    "URN",
                    "Provider local authority",
                    "Closed date",
                    "Setting address postcode",
                ],
                vec![vec![S("2000001"), S("Cardiff"), E, S("CF10 1AA")]],
            ),
        ],
    );
    let t = read_provider_lists(std::slice::from_ref(&path), Some(&lookup())).unwrap();
    let want = [
        [
            "SC1",
            "Richmond upon Thames",
            "K2",
            "PR1,PR2",
            "",
            "TW91AA",
            "Combined SCPCH List",
            "E09000027",
            "Richmond upon Thames",
        ],
        [
            "SC2",
            "Westminster",
            "K2",
            "PR2",
            "02/01/2025",
            "SW1A1AA",
            "Combined SCPCH List",
            "E09000033",
            "Westminster",
        ],
        // K3/PR4, no authority name, and the first row's inferred authority, as the
        // reference's row-number alignment gives it.
        [
            "2000001",
            "",
            "K3",
            "PR4",
            "",
            "CF101AA",
            "Combined SCPCH List",
            "E09000027",
            "Richmond upon Thames",
        ],
    ];
    assert_eq!(table_rows(&t), want.map(|r| r.map(String::from).to_vec()));
}

#[test]
fn provider_errors_name_file_sheet_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let (ch, scp) = lists(dir.path());
    // One list alone is not enough, as for the reference.
    let e = read_provider_lists(std::slice::from_ref(&ch), None)
        .err()
        .expect("an error");
    assert!(matches!(e, ProviderError::Combination { .. }), "{e}");

    let bad = dir.path().join("bad.xlsx");
    workbook(
        &bad,
        &[(
            "Provider information",
            &CH_HEADERS[..6],
            vec![vec![
                S("SC1"),
                S("Children's Home"),
                S("A"),
                S("Leeds"),
                S("K2"),
                S("PR1"),
            ]],
        )],
    );
    let e = read_provider_lists(&[bad.clone(), scp.clone()], None)
        .err()
        .expect("an error");
    let msg = e.to_string();
    assert!(
        msg.contains("bad.xlsx")
            && msg.contains("Provider information")
            && msg.contains("Closed Date"),
        "{msg}"
    );

    workbook(
        &bad,
        &[(
            "Provider information",
            CH_HEADERS,
            vec![
                vec![
                    S("SC1"),
                    S("Children's Home"),
                    S("A"),
                    S("Leeds"),
                    S("K2"),
                    S("PR1"),
                    E,
                    S("LS1 1AA"),
                ],
                vec![
                    S("SC2"),
                    S("Children's Home"),
                    S("A"),
                    S("Leeds"),
                    S("K2"),
                    S("PR1"),
                    S("soon"),
                    S("LS1 1AA"),
                ],
            ],
        )],
    );
    let e = read_provider_lists(&[bad, scp], None)
        .err()
        .expect("an error");
    match &e {
        ProviderError::BadCell {
            sheet,
            row,
            column,
            value,
            ..
        } => {
            assert_eq!(
                (sheet.as_str(), *row, column.as_str(), value.as_str()),
                ("Provider information", 3, "Closed Date", "soon")
            );
        }
        other => panic!("{other}"),
    }

    let not_xlsx = dir.path().join("x.xlsx");
    std::fs::write(&not_xlsx, "hello").unwrap();
    let e = read_provider_lists(&[not_xlsx, ch], None)
        .err()
        .expect("an error");
    assert!(matches!(e, ProviderError::Workbook { .. }), "{e}");
}
