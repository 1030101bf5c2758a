//! Shared fixtures: hand-built case models, the backends to test on, and a full dump of a
//! store's content for before/after comparisons. All data is synthetic.
#![allow(dead_code, unused_macros)]

use std::fmt::Debug;
use std::str::FromStr;

use model::tables::*;
use model::{CaseModel, ColumnKind, Date, Id, Json, LaInfo, Table, TableVisitor, Tables};
use store::Store;

/// Defines `mod $check { sqlite, postgres }`, two tests that run `async fn $check(&Backend)`
/// on a fresh SQLite file and on a fresh PostgreSQL schema. The PostgreSQL test prints a skip
/// line and passes when `SIGHTLINE_TEST_DATABASE_URL` is not set.
macro_rules! on_both_backends {
    ($($check:ident),+ $(,)?) => {$(
        mod $check {
            #[tokio::test]
            async fn sqlite() {
                super::$check(&crate::common::Backend::sqlite()).await
            }
            #[tokio::test]
            async fn postgres() {
                if let Some(b) = crate::common::Backend::postgres(stringify!($check)).await {
                    super::$check(&b).await
                }
            }
        }
    )+};
}

pub const PG_ENV: &str = "SIGHTLINE_TEST_DATABASE_URL";

/// A database to test on: a fresh SQLite file, or a fresh PostgreSQL schema (dropped again
/// when the test ends, even if it fails).
pub struct Backend {
    pub name: &'static str,
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl Backend {
    pub fn sqlite() -> Backend {
        let dir = tempfile::tempdir().unwrap();
        Backend {
            name: "sqlite",
            url: format!("sqlite://{}", dir.path().join("t.db").display()),
            _dir: Some(dir),
            pg: None,
        }
    }

    pub async fn postgres(test: &str) -> Option<Backend> {
        let base = match std::env::var(PG_ENV) {
            Ok(b) if !b.is_empty() => b,
            _ => {
                eprintln!("skipping {test} on PostgreSQL: {PG_ENV} is not set");
                return None;
            }
        };
        // A uniquely named schema per test, so tests run in parallel without seeing each other.
        use sqlx::Executor;
        sqlx::any::install_default_drivers();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let schema = format!(
            "sightline_test_{}_{}_{}",
            &test[..test.len().min(20)],
            std::process::id(),
            nanos % 1_000_000_000
        );
        let pool = sqlx::AnyPool::connect(&base).await.unwrap();
        pool.execute(format!("CREATE SCHEMA {schema}").as_str())
            .await
            .unwrap();
        pool.close().await;
        let sep = if base.contains('?') { '&' } else { '?' };
        Some(Backend {
            name: "postgres",
            url: format!("{base}{sep}options=-c%20search_path%3D{schema}"),
            _dir: None,
            pg: Some((base, schema)),
        })
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        let Some((base, schema)) = self.pg.take() else {
            return;
        };
        // Drop runs inside the test's runtime, which cannot block on itself: use a thread.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                use sqlx::Executor;
                if let Ok(pool) = sqlx::AnyPool::connect(&base).await {
                    let _ = pool
                        .execute(format!("DROP SCHEMA {schema} CASCADE").as_str())
                        .await;
                    pool.close().await;
                }
            })
        })
        .join();
    }
}

fn id<T>(s: &str) -> Id<T> {
    Id::new(s).unwrap()
}
fn d(s: &str) -> Date {
    s.parse().unwrap()
}
/// A code from its wire string.
fn c<C: FromStr>(s: &str) -> C
where
    C::Err: Debug,
{
    s.parse().unwrap()
}

pub fn la() -> LaInfo {
    LaInfo {
        la_code: "999".into(),
        la_name: "Sightline Test Borough".into(),
        child_population: 41_250,
        as_at: d("2026-03-31"),
    }
}

fn person(pid: &str, sex: &str, dob: Option<&str>) -> Person {
    Person {
        pers_person_id: id(pid),
        pers_legacy_id: None,
        pers_forename: None,
        pers_surname: None,
        pers_sex: c(sex),
        pers_gender: None,
        pers_ethnicity: c("WBRI"),
        pers_dob: dob.map(d),
        pers_expected_dob: None,
        pers_death_date: None,
        pers_upn: None,
        pers_upn_unknown: None,
        pers_common_child_id: None,
        pers_send_flag: None,
        pers_is_mother: None,
        pers_nationality: None,
    }
}

fn contact(cid: &str, pid: &str, date: &str, outcome: Option<ContactOutcome>) -> Contact {
    Contact {
        cont_contact_id: id(cid),
        cont_person_id: id(pid),
        cont_contact_date: d(date),
        cont_contact_source_code: c("1A"),
        cont_contact_source_desc: None,
        cont_contact_outcome_json: outcome.map(Json),
    }
}

fn referral(rid: &str, pid: &str, date: &str) -> CinEpisode {
    CinEpisode {
        cine_referral_id: id(rid),
        cine_person_id: id(pid),
        cine_referral_date: d(date),
        cine_cin_primary_need_code: None,
        cine_referral_source_code: c("2A"),
        cine_referral_source_desc: None,
        cine_referral_outcome_json: None,
        cine_referral_nfa: c("N"),
        cine_close_reason: None,
        cine_close_date: None,
        cine_referral_team: None,
        cine_referral_worker_id: None,
    }
}

/// A small authority built by hand: a few rows in the tables the tests corrupt, every column
/// kind (text, date, integer, decimal, JSON) and plenty of NULLs. Names are invented.
pub fn hand_built() -> CaseModel {
    let mut t = Tables::default();
    let mut p1 = person("P1", "F", Some("2015-04-02"));
    p1.pers_forename = Some("Ada".into());
    p1.pers_surname = Some("Testperson".into());
    p1.pers_upn = Some("A999999999999".into());
    p1.pers_common_child_id = Some("9990000018".into());
    p1.pers_send_flag = Some(c("N"));
    let mut p2 = person("P2", "M", Some("2011-11-30"));
    p2.pers_forename = Some("Zoë, \"Zed\"".into()); // needs CSV quoting and is not ASCII
    p2.pers_gender = Some(c("M"));
    let p3 = person("P3", "U", None);
    let mut p4 = person("P4", "F", Some("1990-01-01"));
    p4.pers_is_mother = Some(c("Y"));
    t.people = vec![p1, p2, p3, p4];
    t.teams = vec![
        Team {
            dept_team_id: id("T1"),
            dept_team_name: "Front Door".into(),
            dept_team_parent_id: None,
            dept_team_parent_name: None,
        },
        Team {
            dept_team_id: id("T2"),
            dept_team_name: "Children in Care".into(),
            dept_team_parent_id: Some(id("T1")),
            dept_team_parent_name: Some("Front Door".into()),
        },
    ];
    t.professionals = vec![Professional {
        prof_professional_id: id("W1"),
        prof_staff_id: Some("S-001".into()),
        prof_professional_name: Some("Sam Worker".into()),
        prof_social_worker_registration_no: Some("SW000001".into()),
        prof_professional_job_title: None,
        prof_professional_caseload: Some(17),
        prof_professional_department: Some(id("T1")),
        prof_full_time_equivalency: Some(0.8),
        prof_agency_worker_flag: Some(c("N")),
    }];
    let referred = ContactOutcome {
        new_referral_flag: true,
        ..Default::default()
    };
    t.contacts = vec![
        contact("C1", "P1", "2025-05-01", Some(referred)),
        contact("C2", "P2", "2025-06-12", None),
        contact("C3", "P3", "2025-07-20", Some(ContactOutcome::default())),
        contact("C4", "P1", "2025-09-03", Some(referred)),
    ];
    let mut r1 = referral("R1", "P1", "2025-05-02");
    r1.cine_cin_primary_need_code = Some(c("N1"));
    r1.cine_referral_team = Some(id("T1"));
    r1.cine_referral_worker_id = Some(id("W1"));
    let mut r2 = referral("R2", "P2", "2025-06-13");
    r2.cine_close_reason = Some(c("RC1"));
    r2.cine_close_date = Some(d("2025-08-01"));
    t.cin_episodes = vec![
        r1,
        r2,
        referral("R3", "P3", "2025-07-21"),
        referral("R4", "P1", "2025-09-04"),
    ];
    t.assessments = vec![
        Assessment {
            cina_assessment_id: id("A1"),
            cina_person_id: id("P1"),
            cina_referral_id: id("R1"),
            cina_assessment_start_date: d("2025-05-03"),
            cina_assessment_child_seen: Some(c("Y")),
            cina_assessment_auth_date: Some(d("2025-06-10")),
            cina_assessment_outcome_json: Some(r#"{"OUTCOME_CIN_PLAN_FLAG":"Y"}"#.into()),
            cina_assessment_outcome_nfa: Some(c("N")),
            cina_assessment_team: Some(id("T1")),
            cina_assessment_worker_id: Some(id("W1")),
        },
        Assessment {
            cina_assessment_id: id("A2"),
            cina_person_id: id("P2"),
            cina_referral_id: id("R2"),
            cina_assessment_start_date: d("2025-06-14"),
            cina_assessment_child_seen: None,
            cina_assessment_auth_date: None,
            cina_assessment_outcome_json: None,
            cina_assessment_outcome_nfa: None,
            cina_assessment_team: None,
            cina_assessment_worker_id: None,
        },
    ];
    t.assessment_factors = vec![AssessmentFactors {
        cinf_table_id: id("F1"),
        cinf_assessment_id: id("A1"),
        cinf_assessment_factors_json: Json(vec![c("1B"), c("2B"), c("3A")]),
    }];
    t.cin_visits = vec![CinVisit {
        cinv_cin_visit_id: id("V1"),
        cinv_person_id: id("P1"),
        cinv_cin_visit_date: d("2025-07-01"),
        cinv_cin_visit_seen: Some(c("Y")),
        cinv_cin_visit_seen_alone: Some(c("N")),
        cinv_cin_visit_bedroom: None,
    }];
    t.placements = vec![
        Placement {
            clap_cla_placement_id: id("PL1"),
            clap_cla_id: id("POC1"),
            clap_person_id: id("P2"),
            clap_cla_placement_start_date: d("2025-08-01"),
            clap_cla_placement_type: c("U1"),
            clap_cla_placement_urn: Some("SC999999".into()),
            clap_cla_placement_distance: Some(12.37),
            clap_cla_placement_provider: Some(c("PR1")),
            clap_cla_placement_postcode: Some("ZZ99 9ZZ".into()),
            clap_cla_placement_end_date: None,
            clap_cla_placement_change_reason: None,
        },
        Placement {
            clap_cla_placement_id: id("PL2"),
            clap_cla_id: id("POC1"),
            clap_person_id: id("P2"),
            clap_cla_placement_start_date: d("2025-07-20"),
            clap_cla_placement_type: c("U1"),
            clap_cla_placement_urn: None,
            clap_cla_placement_distance: None,
            clap_cla_placement_provider: None,
            clap_cla_placement_postcode: None,
            clap_cla_placement_end_date: Some(d("2025-08-01")),
            clap_cla_placement_change_reason: None,
        },
    ];
    t.cla_episodes = vec![ClaEpisode {
        clae_cla_episode_id: id("E1"),
        clae_person_id: id("P2"),
        clae_cla_episode_start_date: d("2025-08-01"),
        clae_cla_episode_start_reason: c("S"),
        clae_cla_primary_need_code: c("N1"),
        clae_cla_episode_ceased_date: None,
        clae_cla_episode_ceased_reason: None,
        clae_cla_id: id("POC1"),
        clae_referral_id: Some(id("R2")),
        clae_cla_placement_id: id("PL1"),
        clae_entered_care_date: d("2025-08-01"),
        clae_cla_last_iro_contact_date: None,
    }];
    t.sdq_scores = vec![
        SdqScore {
            csdq_table_id: id("Q1"),
            csdq_person_id: id("P2"),
            csdq_sdq_completed_date: d("2026-01-15"),
            csdq_sdq_score: Some(14),
            csdq_sdq_reason: None,
        },
        SdqScore {
            csdq_table_id: id("Q2"),
            csdq_person_id: id("P3"),
            csdq_sdq_completed_date: d("2026-01-16"),
            csdq_sdq_score: None,
            csdq_sdq_reason: Some(c("SDQ1")),
        },
    ];
    t.involvements = vec![Involvement {
        invo_involvements_id: id("I1"),
        invo_professional_id: Some(id("W1")),
        invo_professional_role_id: None,
        invo_professional_team: Some(id("T2")),
        invo_involvement_start_date: d("2025-08-01"),
        invo_involvement_end_date: None,
        invo_worker_change_reason: None,
        invo_person_id: id("P2"),
        invo_referral_id: Some(id("R2")),
    }];
    assert!(t.check_integrity().is_empty(), "{:?}", t.check_integrity());
    CaseModel {
        la: la(),
        tables: t,
    }
}

/// A large model made by a loop: per child a person, a contact and a referral (3 rows).
pub fn generated(children: usize) -> CaseModel {
    let mut t = Tables::default();
    for i in 0..children {
        let pid = format!("GP{i:07}");
        t.people.push(person(
            &pid,
            if i % 2 == 0 { "F" } else { "M" },
            Some(["2010-01-01", "2015-06-30", "2020-12-31"][i % 3]),
        ));
        let outcome = (i % 4 == 0).then(ContactOutcome::default);
        t.contacts
            .push(contact(&format!("GC{i:07}"), &pid, "2025-05-01", outcome));
        t.cin_episodes
            .push(referral(&format!("GR{i:07}"), &pid, "2025-05-02"));
    }
    CaseModel {
        la: la(),
        tables: t,
    }
}

/// Everything a user could see in the store: every snapshot's provenance, every stored row of
/// every table (raw, in key order, with its row number) and each snapshot loaded back.
pub async fn dump(store: &Store) -> String {
    let mut out = String::new();
    for s in store.snapshots().await.unwrap() {
        out.push_str(&format!("{s:?}\n"));
        let m = store.load(s.id).await.unwrap();
        out.push_str(&format!("{:?}\n", m.tables));
    }
    for (table, key, columns) in table_columns() {
        out.push_str(&format!("== {table}\n"));
        let names: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let sql = format!(
            "SELECT snapshot_id, row_no, {} FROM {table} ORDER BY snapshot_id, {key}",
            names.join(", ")
        );
        for row in sqlx::query(&sql).fetch_all(store.pool()).await.unwrap() {
            use sqlx::Row;
            let mut line = format!("{}#{}", row.get::<i64, _>(0), row.get::<i64, _>(1));
            for (i, (_, kind)) in columns.iter().enumerate() {
                let cell = match kind {
                    ColumnKind::Integer => format!("{:?}", row.get::<Option<i64>, _>(i + 2)),
                    ColumnKind::Decimal => format!("{:?}", row.get::<Option<f64>, _>(i + 2)),
                    _ => format!("{:?}", row.get::<Option<String>, _>(i + 2)),
                };
                line.push('|');
                line.push_str(&cell);
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

type Columns = Vec<(&'static str, ColumnKind)>;

fn table_columns() -> Vec<(&'static str, &'static str, Columns)> {
    struct V(Vec<(&'static str, &'static str, Columns)>);
    impl TableVisitor for V {
        fn visit<T: Table>(&mut self, _: &[T]) {
            let cols = T::COLUMNS.iter().map(|c| (c.name, c.kind)).collect();
            self.0.push((T::NAME, T::KEY, cols));
        }
    }
    let mut v = V(vec![]);
    Tables::default().visit(&mut v);
    v.0
}

pub fn quiet(_: &str, _: u64, _: u64) {}
