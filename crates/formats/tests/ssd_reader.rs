//! The SSD reader round-trips what the writer wrote and never panics, whatever bytes it is fed.

use model::tables::{CinEpisode, ClaEpisode, Contact, Person, Placement};
use model::{Table, TableSource, TableVisitor, Tables};
use proptest::prelude::*;

fn sample() -> model::CaseModel {
    synth::generate(
        &synth::Config::new(2_000, 3, model::Date::ymd(2026, 3, 31)),
        &|_, _| {},
    )
    .model
}

#[test]
fn every_table_round_trips_through_csv() {
    let model = sample();
    struct W(std::collections::HashMap<&'static str, Vec<u8>>);
    impl TableVisitor for W {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            let mut b = vec![];
            formats::ssd::write_table(rows, &mut b).unwrap();
            self.0.insert(T::NAME, b);
        }
    }
    let mut w = W(Default::default());
    model.tables.visit(&mut w);
    struct R(std::collections::HashMap<&'static str, Vec<u8>>);
    impl TableSource for R {
        type Error = formats::ReadError;
        fn table<T: Table>(&mut self) -> Result<Vec<T>, Self::Error> {
            formats::ssd::read_table(T::NAME, &self.0[T::NAME])
        }
    }
    let back = Tables::assemble(&mut R(w.0)).unwrap();
    assert_eq!(back, model.tables);
}

#[test]
fn columns_may_come_in_any_order_and_case() {
    let csv = "CONT_PERSON_ID,cont_contact_date,cont_contact_id,cont_contact_source_code\nP1,01/04/2025,C1,6\n";
    let rows: Vec<Contact> = formats::ssd::read_table("c.csv", csv.as_bytes()).unwrap();
    assert_eq!(rows[0].cont_contact_date, model::Date::ymd(2025, 4, 1));
    assert_eq!(rows[0].cont_contact_source_desc, None);
}

#[test]
fn read_dir_rejects_files_that_are_not_ssd_tables() {
    let dir = tempfile::tempdir().unwrap();
    formats::ssd::write_dir(&sample(), dir.path()).unwrap();
    std::fs::write(dir.path().join("ssd_contactz.csv"), "a,b\n1,2\n").unwrap();
    let e = formats::ssd::read_dir(dir.path()).unwrap_err();
    assert_eq!(e.file, "ssd_contactz.csv");
    assert!(e.expected.contains("not an SSD table file"), "{e}");
}

fn header<T: Table>() -> String {
    T::COLUMNS
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(",")
}

/// A CSV line of random cells drawn from values that are often almost valid.
fn cells(n: usize) -> impl Strategy<Value = String> {
    let cell = prop_oneof![
        Just(String::new()),
        Just("2024-02-29".to_string()),
        Just("31/02/2024".to_string()),
        Just("N1".to_string()),
        Just("Y".to_string()),
        Just("\"quoted, comma\"".to_string()),
        Just("{\"NFA_FLAG\":true}".to_string()),
        "[A-Z0-9]{1,6}",
        "\\PC{0,12}",
    ];
    proptest::collection::vec(cell, n.saturating_sub(1)..=n + 1).prop_map(|v| v.join(","))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = formats::ssd::read_table::<Person>("x.csv", &bytes);
        let _ = formats::ssd::read_table::<Placement>("x.csv", &bytes);
    }

    #[test]
    fn near_valid_rows_never_panic(rows in proptest::collection::vec(cells(12), 0..6)) {
        for (h, _) in [(header::<CinEpisode>(), 0), (header::<ClaEpisode>(), 1)] {
            let text = format!("{h}\n{}\n", rows.join("\n"));
            let _ = formats::ssd::read_table::<CinEpisode>("x.csv", text.as_bytes());
            let _ = formats::ssd::read_table::<ClaEpisode>("x.csv", text.as_bytes());
        }
    }
}
