//! Imports are snapshots with provenance; every kind of bad input is refused with a precise
//! message and leaves the store exactly as it was.

mod common;

use common::*;
use store::Store;

#[tokio::test]
async fn import_then_load_round_trips_with_provenance() {
    let dir = tempfile::tempdir().unwrap();
    let model = write_extract(dir.path(), 3_000, 21);
    for b in backends().await {
        let store = Store::open(&b.url).await.unwrap();
        assert_eq!(store.latest_snapshot().await.unwrap(), None);
        let id = store
            .import_ssd_dir(dir.path(), Some("first"), &quiet)
            .await
            .unwrap();
        let loaded = store.load(id).await.unwrap();
        assert_eq!(loaded.tables, model.tables, "{}", b.name);
        assert_eq!(loaded.la, model.la);
        let info = store.snapshot(id).await.unwrap();
        assert_eq!(info.label.as_deref(), Some("first"));
        assert_eq!(info.kind, "ssd");
        assert!(info.tool_version.starts_with("sightline "));
        for f in &info.files {
            let bytes = std::fs::read(dir.path().join(&f.name)).unwrap();
            assert_eq!(f.sha256, formats::ssd::sha256_hex(&bytes), "{}", f.name);
        }
        let contacts = info
            .files
            .iter()
            .find(|f| f.name == "ssd_contacts.csv")
            .unwrap();
        assert_eq!(contacts.rows, model.tables.contacts.len() as u64);
        assert_eq!(
            info.row_count as usize,
            info.files
                .iter()
                .filter(|f| f.name.ends_with(".csv"))
                .map(|f| f.rows as usize)
                .sum::<usize>()
        );
        let id2 = store
            .import_ssd_dir(dir.path(), None, &quiet)
            .await
            .unwrap();
        assert_eq!(id2, id + 1);
        assert_eq!(store.latest_snapshot().await.unwrap(), Some(id2));
        assert_eq!(store.snapshots().await.unwrap().len(), 2);
    }
}

/// One way of breaking an extract, and what the error must say.
struct Breakage {
    name: &'static str,
    file: &'static str,
    corrupt: fn(&[u8]) -> Vec<u8>,
    /// Every fragment must appear in the message.
    expect: &'static [&'static str],
}

fn lines(b: &[u8]) -> Vec<String> {
    String::from_utf8(b.to_vec())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}
fn join(l: &[String]) -> Vec<u8> {
    (l.join("\n") + "\n").into_bytes()
}
fn set_cell(b: &[u8], line: usize, column: &str, value: &str) -> Vec<u8> {
    let mut l = lines(b);
    let col = l[0].split(',').position(|c| c == column).unwrap();
    let mut cells: Vec<String> = l[line - 1].split(',').map(str::to_string).collect();
    cells[col] = value.into();
    l[line - 1] = cells.join(",");
    join(&l)
}

const BREAKAGES: &[Breakage] = &[
    Breakage {
        name: "unknown column set",
        file: "ssd_contacts.csv",
        corrupt: |b| {
            let mut l = lines(b);
            for (i, x) in l.iter_mut().enumerate() {
                x.push_str(if i == 0 { ",cont_mystery" } else { ",1" });
            }
            join(&l)
        },
        expect: &[
            "ssd_contacts.csv",
            "line 1",
            "column cont_mystery",
            "unknown column for ssd_contacts",
            "expected columns: cont_contact_id",
        ],
    },
    Breakage {
        name: "missing required column",
        file: "ssd_contacts.csv",
        corrupt: |b| {
            let l = lines(b);
            let col = l[0]
                .split(',')
                .position(|c| c == "cont_contact_date")
                .unwrap();
            let cut: Vec<String> = l
                .iter()
                .map(|x| {
                    let mut c: Vec<&str> = x.split(',').collect();
                    c.remove(col);
                    c.join(",")
                })
                .collect();
            join(&cut)
        },
        expect: &[
            "ssd_contacts.csv",
            "line 1",
            "column cont_contact_date",
            "required column cont_contact_date is missing",
        ],
    },
    Breakage {
        name: "unparseable date",
        file: "ssd_cin_episodes.csv",
        corrupt: |b| set_cell(b, 3, "cine_referral_date", "31/13/2024"),
        expect: &[
            "ssd_cin_episodes.csv",
            "line 3",
            "column cine_referral_date",
            "value `31/13/2024`",
            "is not a date (expected YYYY-MM-DD",
        ],
    },
    Breakage {
        name: "unknown code",
        file: "ssd_cin_episodes.csv",
        corrupt: |b| set_cell(b, 4, "cine_referral_source_code", "7Z"),
        expect: &[
            "ssd_cin_episodes.csv",
            "line 4",
            "column cine_referral_source_code",
            "value `7Z`",
            "not a valid referral source code (expected one of: 1A, 1B",
        ],
    },
    Breakage {
        name: "UTF-16 encoding",
        file: "ssd_person.csv",
        corrupt: |b| {
            let text = String::from_utf8(b.to_vec()).unwrap();
            let mut out = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                out.extend_from_slice(&u.to_le_bytes());
            }
            out
        },
        expect: &["ssd_person.csv", "UTF-16", "expected UTF-8"],
    },
    Breakage {
        name: "Latin-1 encoding",
        file: "ssd_person.csv",
        corrupt: |b| {
            let mut l = lines(b);
            let col = l[0].split(',').position(|c| c == "pers_forename").unwrap();
            let mut cells: Vec<String> = l[2].split(',').map(str::to_string).collect();
            cells[col] = "ZO\u{1}".into();
            l[2] = cells.join(",");
            let mut out = join(&l);
            let at = out.windows(3).position(|w| w == b"ZO\x01").unwrap();
            out[at + 2] = 0xE9; // 'é' in Latin-1, invalid as UTF-8
            out
        },
        expect: &["ssd_person.csv", "line 3", "not valid UTF-8"],
    },
    Breakage {
        name: "truncated file",
        file: "ssd_contacts.csv",
        corrupt: |b| {
            let mut out = b.to_vec();
            out.pop();
            let last_line_start = out.iter().rposition(|&c| c == b'\n').unwrap() + 1;
            let second_comma = out[last_line_start..]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c == b',')
                .nth(1)
                .unwrap()
                .0;
            out.truncate(last_line_start + second_comma + 3);
            out
        },
        expect: &[
            "ssd_contacts.csv",
            "line ",
            "fields but the header has 6",
            "truncated",
        ],
    },
    Breakage {
        name: "binary file",
        file: "ssd_cin_visits.csv",
        corrupt: |_| {
            (0..4096u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect()
        },
        expect: &["ssd_cin_visits.csv", "binary"],
    },
    Breakage {
        name: "duplicate primary key",
        file: "ssd_cin_episodes.csv",
        corrupt: |b| {
            let mut l = lines(b);
            let dup = l[5].clone();
            l.push(dup);
            join(&l)
        },
        expect: &[
            "ssd_cin_episodes.csv",
            "column cine_referral_id",
            "a unique primary key (the same value is on line 6)",
        ],
    },
    Breakage {
        name: "foreign key to nothing",
        file: "ssd_contacts.csv",
        corrupt: |b| set_cell(b, 2, "cont_person_id", "NOBODY"),
        expect: &[
            "ssd_contacts.csv",
            "line 2",
            "column cont_person_id",
            "value `NOBODY`",
            "a key that exists in ssd_person",
        ],
    },
];

#[tokio::test]
async fn every_kind_of_bad_input_is_refused_and_changes_nothing() {
    let good = tempfile::tempdir().unwrap();
    write_extract(good.path(), 2_000, 5);
    for b in backends().await {
        let store = Store::open(&b.url).await.unwrap();
        store
            .import_ssd_dir(good.path(), Some("good"), &quiet)
            .await
            .unwrap();
        let before = dump(&store).await;
        for k in BREAKAGES {
            let bad = tempfile::tempdir().unwrap();
            for e in std::fs::read_dir(good.path()).unwrap() {
                let p = e.unwrap().path();
                std::fs::copy(&p, bad.path().join(p.file_name().unwrap())).unwrap();
            }
            let f = bad.path().join(k.file);
            let corrupted = (k.corrupt)(&std::fs::read(&f).unwrap());
            std::fs::write(&f, corrupted).unwrap();
            let err = store
                .import_ssd_dir(bad.path(), None, &quiet)
                .await
                .expect_err(k.name)
                .to_string();
            for want in k.expect {
                assert!(
                    err.contains(want),
                    "[{}] {}: message {err:?} lacks {want:?}",
                    b.name,
                    k.name
                );
            }
            assert_eq!(
                dump(&store).await,
                before,
                "[{}] {} changed the store",
                b.name,
                k.name
            );
        }
    }
}

#[tokio::test]
async fn a_database_failure_mid_import_rolls_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let model = write_extract(dir.path(), 2_000, 8);
    for b in backends().await {
        let store = Store::open(&b.url).await.unwrap();
        store
            .import_ssd_dir(dir.path(), None, &quiet)
            .await
            .unwrap();
        let before = dump(&store).await;
        // Bypass the reader's checks so the database itself rejects a row of the last table,
        // after every earlier table has been written inside the transaction.
        let mut tables = model.tables.clone();
        let dup = tables.involvements[0].clone();
        tables.involvements.push(dup);
        let written = std::sync::atomic::AtomicU64::new(0);
        let err = store
            .import(
                &tables,
                &model.la,
                &[],
                store::ImportMeta {
                    kind: "ssd",
                    source: "test",
                    label: None,
                },
                &|_, n, _| {
                    written.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
                },
            )
            .await
            .expect_err("duplicate key must fail");
        assert!(
            err.to_string().contains("writing ssd_involvements"),
            "{err}"
        );
        assert!(
            written.into_inner() > 10_000,
            "the failure must come after many rows were written"
        );
        assert_eq!(
            dump(&store).await,
            before,
            "[{}] partial import is visible",
            b.name
        );
    }
}
