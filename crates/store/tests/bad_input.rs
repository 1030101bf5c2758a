//! Every kind of bad input is refused with a message a data officer can act on (file, line,
//! column, value, what was expected) and leaves the store exactly as it was.

#[macro_use]
mod common;

use common::*;
use store::Store;

/// Writes the hand-built extract, imports it, breaks one file of a copy, and checks that the
/// import of the copy fails with every `expect` fragment in its message and changes nothing.
async fn refused(b: &Backend, file: &str, corrupt: impl Fn(&[u8]) -> Vec<u8>, expect: &[&str]) {
    let good = tempfile::tempdir().unwrap();
    let model = hand_built();
    formats::ssd::write_dir(&model, good.path()).unwrap();
    let store = Store::open(&b.url).await.unwrap();
    let good_id = store
        .import_ssd_dir(good.path(), Some("good"), &quiet)
        .await
        .unwrap();
    let before = dump(&store).await;

    let bad = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(good.path()).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, bad.path().join(p.file_name().unwrap())).unwrap();
    }
    let f = bad.path().join(file);
    std::fs::write(&f, corrupt(&std::fs::read(&f).unwrap())).unwrap();
    let err = store
        .import_ssd_dir(bad.path(), None, &quiet)
        .await
        .expect_err("bad input must be refused")
        .to_string();
    for want in expect {
        assert!(
            err.contains(want),
            "[{}] message {err:?} lacks {want:?}",
            b.name
        );
    }
    assert_eq!(dump(&store).await, before, "[{}] the store changed", b.name);
    assert_eq!(store.latest_snapshot().await.unwrap(), Some(good_id));
    assert_eq!(store.load(good_id).await.unwrap(), model);
}

/// Parses a CSV file into cells (header included), edits it, and writes it back properly
/// quoted (the JSON columns contain commas).
fn edit(bytes: &[u8], f: impl FnOnce(&mut Vec<Vec<String>>)) -> Vec<u8> {
    let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    f(&mut rows);
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.into_inner().unwrap()
}

/// Sets the cell of `column` on 1-based file line `line` (line 1 is the header).
fn set_cell(bytes: &[u8], line: usize, column: &str, value: &str) -> Vec<u8> {
    edit(bytes, |rows| {
        let col = rows[0].iter().position(|c| c == column).unwrap();
        rows[line - 1][col] = value.into();
    })
}

on_both_backends!(
    unknown_column,
    missing_required_column,
    unparseable_date,
    unknown_code,
    utf16_encoding,
    latin1_encoding,
    truncated_file,
    binary_file,
    duplicate_primary_key,
    foreign_key_to_nothing,
);

async fn unknown_column(b: &Backend) {
    let add = |bytes: &[u8]| {
        edit(bytes, |rows| {
            for (i, r) in rows.iter_mut().enumerate() {
                r.push(if i == 0 { "cont_mystery" } else { "1" }.into());
            }
        })
    };
    let expect = [
        "ssd_contacts.csv",
        "line 1",
        "column cont_mystery",
        "unknown column for ssd_contacts",
        "expected columns: cont_contact_id, cont_person_id",
    ];
    refused(b, "ssd_contacts.csv", add, &expect).await;
}

async fn missing_required_column(b: &Backend) {
    let drop_date = |bytes: &[u8]| {
        edit(bytes, |rows| {
            let col = rows[0]
                .iter()
                .position(|c| c == "cont_contact_date")
                .unwrap();
            for r in rows.iter_mut() {
                r.remove(col);
            }
        })
    };
    let expect = [
        "ssd_contacts.csv",
        "line 1",
        "column cont_contact_date",
        "required column cont_contact_date is missing",
    ];
    refused(b, "ssd_contacts.csv", drop_date, &expect).await;
}

async fn unparseable_date(b: &Backend) {
    let expect = [
        "ssd_cin_episodes.csv",
        "line 3",
        "column cine_referral_date",
        "value `31/13/2024`",
        "is not a date (expected YYYY-MM-DD",
    ];
    let bad_date = |x: &[u8]| set_cell(x, 3, "cine_referral_date", "31/13/2024");
    refused(b, "ssd_cin_episodes.csv", bad_date, &expect).await;
}

async fn unknown_code(b: &Backend) {
    let expect = [
        "ssd_cin_episodes.csv",
        "line 4",
        "column cine_referral_source_code",
        "value `7Z`",
        "is not a valid referral source code (expected one of: 1A, 1B",
    ];
    let bad_code = |x: &[u8]| set_cell(x, 4, "cine_referral_source_code", "7Z");
    refused(b, "ssd_cin_episodes.csv", bad_code, &expect).await;
}

/// What Excel's "Unicode text" gives: UTF-16LE with a byte-order mark.
async fn utf16_encoding(b: &Backend) {
    let utf16 = |bytes: &[u8]| {
        let text = std::str::from_utf8(bytes).unwrap();
        let mut out = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            out.extend_from_slice(&u.to_le_bytes());
        }
        out
    };
    let expect = ["ssd_person.csv", "UTF-16", "expected UTF-8"];
    refused(b, "ssd_person.csv", utf16, &expect).await;
}

/// A Latin-1 `é` (0xE9) in a name on line 3, as a legacy export would write it.
async fn latin1_encoding(b: &Backend) {
    let latin1 = |bytes: &[u8]| {
        let mut out = set_cell(bytes, 3, "pers_forename", "Ren\u{1}");
        let at = out.windows(4).position(|w| w == b"Ren\x01").unwrap();
        out[at + 3] = 0xE9;
        out
    };
    let expect = [
        "ssd_person.csv",
        "line 3",
        "field 3 is not valid UTF-8", // pers_forename is the third column
        "expected UTF-8 text",
    ];
    refused(b, "ssd_person.csv", latin1, &expect).await;
}

/// The copy stopped part-way through the last row.
async fn truncated_file(b: &Backend) {
    let cut = |bytes: &[u8]| {
        let body = &bytes[..bytes.len() - 1];
        let start = body.iter().rposition(|&c| c == b'\n').unwrap() + 1;
        // Keep the id, the person id and the first characters of the date.
        let second_comma = start
            + body[start..]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c == b',')
                .nth(1)
                .unwrap()
                .0;
        bytes[..second_comma + 4].to_vec()
    };
    let expect = [
        "ssd_contacts.csv",
        "line 5", // the header and four contacts
        "the row has 3 fields but the header has 6",
        "truncated",
    ];
    refused(b, "ssd_contacts.csv", cut, &expect).await;
}

async fn binary_file(b: &Backend) {
    let noise = |_: &[u8]| {
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect()
    };
    let expect = [
        "ssd_cin_visits.csv",
        "binary",
        "expected a UTF-8 CSV text file",
    ];
    refused(b, "ssd_cin_visits.csv", noise, &expect).await;
}

async fn duplicate_primary_key(b: &Backend) {
    // The row of line 2 (R1) appears again as line 6.
    let dup = |bytes: &[u8]| {
        edit(bytes, |rows| {
            let again = rows[1].clone();
            rows.push(again);
        })
    };
    let expect = [
        "ssd_cin_episodes.csv",
        "line 6",
        "column cine_referral_id",
        "value `R1`",
        "a unique primary key (the same value is on line 2)",
    ];
    refused(b, "ssd_cin_episodes.csv", dup, &expect).await;
}

async fn foreign_key_to_nothing(b: &Backend) {
    let expect = [
        "ssd_contacts.csv",
        "line 2",
        "column cont_person_id",
        "value `NOBODY`",
        "a key that exists in ssd_person",
    ];
    let dangling = |x: &[u8]| set_cell(x, 2, "cont_person_id", "NOBODY");
    refused(b, "ssd_contacts.csv", dangling, &expect).await;
}
