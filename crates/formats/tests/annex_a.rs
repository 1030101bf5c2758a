//! Annex A export: headers, the window of every list (a record one day inside and one day
//! outside each boundary), derived columns on hand-built cases, and the xlsx/CSV writers.

use std::fmt::Debug;
use std::str::FromStr;

use formats::annex_a::{self, Cell, Options, LISTS};
use model::tables::*;
use model::{CaseModel, Date, Id, LaInfo, Tables};

fn id<T>(s: &str) -> Id<T> {
    Id::new(s).unwrap()
}
fn d(s: &str) -> Date {
    s.parse().unwrap()
}
fn c<C: FromStr>(s: &str) -> C
where
    C::Err: Debug,
{
    s.parse().unwrap()
}

/// The as-at date of every test: six months back is 30 September 2025, twelve 31 March 2025.
const R: &str = "2026-03-31";

fn person(pid: &str, sex: &str, dob: &str) -> Person {
    Person {
        pers_person_id: id(pid),
        pers_legacy_id: None,
        pers_forename: None,
        pers_surname: None,
        pers_sex: c(sex),
        pers_gender: None,
        pers_ethnicity: c("WBRI"),
        pers_dob: Some(d(dob)),
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

fn contact(cid: &str, pid: &str, date: &str) -> Contact {
    Contact {
        cont_contact_id: id(cid),
        cont_person_id: id(pid),
        cont_contact_date: d(date),
        cont_contact_source_code: c("6"),
        cont_contact_source_desc: None,
        cont_contact_outcome_json: None,
    }
}

fn referral(rid: &str, pid: &str, date: &str, closed: Option<(&str, &str)>) -> CinEpisode {
    CinEpisode {
        cine_referral_id: id(rid),
        cine_person_id: id(pid),
        cine_referral_date: d(date),
        cine_cin_primary_need_code: Some(c("N1")),
        cine_referral_source_code: c("2A"),
        cine_referral_source_desc: None,
        cine_referral_outcome_json: None,
        cine_referral_nfa: c("N"),
        cine_close_reason: closed.map(|x| c(x.1)),
        cine_close_date: closed.map(|x| d(x.0)),
        cine_referral_team: Some(id("T1")),
        cine_referral_worker_id: Some(id("W1")),
    }
}

fn assessment(aid: &str, rid: &str, pid: &str, start: &str, auth: Option<&str>) -> Assessment {
    Assessment {
        cina_assessment_id: id(aid),
        cina_person_id: id(pid),
        cina_referral_id: id(rid),
        cina_assessment_start_date: d(start),
        cina_assessment_child_seen: Some(c("Y")),
        cina_assessment_auth_date: auth.map(d),
        cina_assessment_outcome_json: None,
        cina_assessment_outcome_nfa: None,
        cina_assessment_team: None,
        cina_assessment_worker_id: None,
    }
}

fn s47(sid: &str, rid: &str, pid: &str, start: &str, end: Option<&str>) -> S47Enquiry {
    S47Enquiry {
        s47e_s47_enquiry_id: id(sid),
        s47e_referral_id: id(rid),
        s47e_person_id: id(pid),
        s47e_s47_start_date: d(start),
        s47e_s47_end_date: end.map(d),
        s47e_s47_nfa: None,
        s47e_s47_outcome_json: None,
        s47e_s47_completed_by_team: None,
        s47e_s47_completed_by_worker_id: None,
    }
}

fn cp_plan(id_: &str, rid: &str, pid: &str, start: &str, end: Option<&str>) -> CpPlan {
    CpPlan {
        cppl_cp_plan_id: id(id_),
        cppl_referral_id: id(rid),
        cppl_icpc_id: None,
        cppl_person_id: id(pid),
        cppl_cp_plan_start_date: d(start),
        cppl_cp_plan_end_date: end.map(d),
        cppl_cp_plan_ola: c("N"),
        cppl_cp_plan_initial_category: c("NEG"),
        cppl_cp_plan_latest_category: c("EMO"),
        cppl_cp_plan_previous_plans: None,
    }
}

/// A period of care `poc` for `pid` with one placement per `(start, type)`; the last ends on
/// `ceased` with `reason`.
fn care(
    t: &mut Tables,
    pid: &str,
    poc: &str,
    placements: &[(&str, &str)],
    ceased: Option<(&str, &str)>,
) {
    let entered = d(placements[0].0);
    for (i, (start, kind)) in placements.iter().enumerate() {
        let next = placements.get(i + 1).map(|n| d(n.0));
        let end = next.or(ceased.map(|x| d(x.0)));
        let pl = format!("{poc}PL{i}");
        t.placements.push(Placement {
            clap_cla_placement_id: id(&pl),
            clap_cla_id: id(poc),
            clap_person_id: id(pid),
            clap_cla_placement_start_date: d(start),
            clap_cla_placement_type: c(kind),
            clap_cla_placement_urn: Some("SC999999".into()),
            clap_cla_placement_distance: Some(if i == 0 { 3.0 } else { 45.0 }),
            clap_cla_placement_provider: Some(c("PR1")),
            clap_cla_placement_postcode: Some("ZZ1 1ZZ".into()),
            clap_cla_placement_end_date: end,
            clap_cla_placement_change_reason: None,
        });
        t.cla_episodes.push(ClaEpisode {
            clae_cla_episode_id: id(&format!("{poc}E{i}")),
            clae_person_id: id(pid),
            clae_cla_episode_start_date: d(start),
            clae_cla_episode_start_reason: c(if i == 0 { "S" } else { "P" }),
            clae_cla_primary_need_code: c("N1"),
            clae_cla_episode_ceased_date: end,
            clae_cla_episode_ceased_reason: match next {
                Some(_) => Some(c("X1")),
                None => ceased.map(|x| c(x.1)),
            },
            clae_cla_id: id(poc),
            clae_referral_id: None,
            clae_cla_placement_id: id(&pl),
            clae_entered_care_date: entered,
            clae_cla_last_iro_contact_date: None,
        });
    }
    t.legal_statuses.push(LegalStatusRecord {
        lega_legal_status_id: id(&format!("{poc}LS")),
        lega_person_id: id(pid),
        lega_legal_status: c("C2"),
        lega_legal_status_start_date: entered,
        lega_legal_status_end_date: ceased.map(|x| d(x.0)),
    });
}

fn model(t: Tables) -> CaseModel {
    CaseModel {
        la: LaInfo {
            la_code: "999".into(),
            la_name: "Test Borough".into(),
            child_population: 10_000,
            as_at: d(R),
        },
        tables: t,
    }
}

fn base() -> Tables {
    let mut t = Tables::default();
    for (p, dob) in [
        ("P1", "2015-04-01"),
        ("P2", "2012-01-10"),
        ("P3", "2008-06-30"),
        ("P4", "2024-02-01"),
    ] {
        t.people.push(person(p, "F", dob));
    }
    t.teams.push(Team {
        dept_team_id: id("T1"),
        dept_team_name: "Front Door".into(),
        dept_team_parent_id: None,
        dept_team_parent_name: None,
    });
    t.teams.push(Team {
        dept_team_id: id("T2"),
        dept_team_name: "Children in Care".into(),
        dept_team_parent_id: None,
        dept_team_parent_name: None,
    });
    for (w, name) in [("W1", "Ann Duty"), ("W2", "Ben Care")] {
        t.professionals.push(Professional {
            prof_professional_id: id(w),
            prof_staff_id: None,
            prof_professional_name: Some(name.into()),
            prof_social_worker_registration_no: None,
            prof_professional_job_title: None,
            prof_professional_caseload: None,
            prof_professional_department: None,
            prof_full_time_equivalency: None,
            prof_agency_worker_flag: None,
        });
    }
    t
}

fn export(t: Tables) -> annex_a::AnnexA {
    annex_a::derive(&model(t), d(R), &Options::default())
}

/// Column `header` of every row of list `n`, as text.
fn column(a: &annex_a::AnnexA, n: u8, header: &str) -> Vec<String> {
    let col = LISTS[n as usize - 1]
        .column(header)
        .unwrap_or_else(|| panic!("list {n} has no column {header}"));
    a.list(n).iter().map(|r| r[col].text()).collect()
}

#[test]
fn headers_are_the_spec_columns_in_order() {
    let a = export(base());
    let csv = annex_a::write_csv(&a);
    assert_eq!(csv.len(), 11);
    let counts: Vec<usize> = LISTS.iter().map(|l| l.headers.len()).collect();
    assert_eq!(counts, [7, 8, 11, 12, 14, 14, 17, 34, 17, 16, 19]);
    for (f, def) in csv.iter().zip(LISTS.iter()) {
        let first = String::from_utf8(f.bytes.clone()).unwrap();
        let mut r = csv::Reader::from_reader(first.as_bytes());
        let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(h, def.headers);
        assert!(def.headers[..1] == ["Child Unique ID"] || def.number == 11);
    }
    // Spot checks against csc-data-spec.md §1.3.
    assert_eq!(LISTS[2].headers[8], "Number of Referrals in Last 12 Months");
    assert_eq!(LISTS[7].headers[33], "Allocated Worker");
    assert_eq!(LISTS[9].headers[1], "Family identifier");
}

#[test]
fn six_month_lists_include_the_first_day_and_exclude_the_day_before() {
    let mut t = base();
    // Contacts: 30 Sep 2025 and 31 Mar 2026 in; 29 Sep 2025 and 1 Apr 2026 out.
    for (i, date) in ["2025-09-29", "2025-09-30", "2026-03-31", "2026-04-01"]
        .iter()
        .enumerate()
    {
        t.contacts.push(contact(&format!("C{i}"), "P1", date));
    }
    // Referrals likewise, the earliest closed so it does not reach List 6.
    t.cin_episodes.push(referral(
        "R0",
        "P1",
        "2025-09-29",
        Some(("2025-09-29", "RC8")),
    ));
    t.cin_episodes
        .push(referral("R1", "P1", "2025-09-30", None));
    t.cin_episodes
        .push(referral("R2", "P2", "2026-04-01", None));
    // Assessments: authorised the day before the window (out) and on its first day (in).
    t.assessments.push(assessment(
        "A0",
        "R0",
        "P1",
        "2025-08-01",
        Some("2025-09-29"),
    ));
    t.assessments.push(assessment(
        "A1",
        "R1",
        "P1",
        "2025-08-01",
        Some("2025-09-30"),
    ));
    // Section 47s ending either side of the boundary.
    t.s47_enquiries
        .push(s47("S0", "R0", "P1", "2025-09-01", Some("2025-09-29")));
    t.s47_enquiries
        .push(s47("S1", "R1", "P1", "2025-09-01", Some("2025-09-30")));
    // CP plans ending either side; one starting after R.
    t.cp_plans
        .push(cp_plan("CP0", "R0", "P1", "2025-01-01", Some("2025-09-29")));
    t.cp_plans
        .push(cp_plan("CP1", "R1", "P2", "2025-01-01", Some("2025-09-30")));
    t.cp_plans
        .push(cp_plan("CP2", "R1", "P3", "2026-04-01", None));
    // Care ceasing either side.
    care(
        &mut t,
        "P3",
        "POC3",
        &[("2024-01-01", "U6")],
        Some(("2025-09-29", "E4A")),
    );
    care(
        &mut t,
        "P4",
        "POC4",
        &[("2024-05-01", "U6")],
        Some(("2025-09-30", "E4A")),
    );
    let a = export(t);
    assert_eq!(
        column(&a, 1, "Date of Contact"),
        ["30/09/2025", "31/03/2026"]
    );
    assert_eq!(column(&a, 3, "Date of referral"), ["30/09/2025"]);
    assert_eq!(
        column(&a, 4, "Continuous Assessment Date of Authorisation"),
        ["30/09/2025"]
    );
    assert_eq!(
        column(
            &a,
            5,
            "Strategy discussion initiating Section 47 Enquiry Start Date"
        ),
        ["01/09/2025"]
    );
    assert_eq!(column(&a, 5, "Child Unique ID"), ["P1"]);
    assert_eq!(
        column(&a, 7, "Child Protection Plan End Date"),
        ["30/09/2025"]
    );
    assert_eq!(column(&a, 8, "Child Unique ID"), ["P4"]);
    assert_eq!(
        column(&a, 8, "Reason Ceased to be Looked After"),
        ["e) E4A: Returned home to live with parents or relatives - part of planning"]
    );
    // List 6: R1 is open; R0 closed before the window.
    assert_eq!(column(&a, 6, "CIN Start Date"), ["30/09/2025"]);
}

#[test]
fn adoption_list_covers_twelve_months() {
    let mut t = base();
    let perm = |pid: &str, order: Option<&str>| Permanence {
        perm_table_id: id(&format!("PM{pid}")),
        perm_person_id: id(pid),
        perm_cla_id: None,
        perm_adm_decision_date: Some(d("2024-01-10")),
        perm_ffa_cp_decision_date: None,
        perm_placement_order_date: Some(d("2024-03-01")),
        perm_placed_for_adoption_date: Some(d("2024-06-01")),
        perm_matched_date: Some(d("2024-05-01")),
        perm_adopted_by_carer_flag: None,
        perm_placed_ffa_cp_date: None,
        perm_decision_reversed_date: None,
        perm_decision_reversed_reason: None,
        perm_placed_foster_carer_date: None,
        perm_part_of_sibling_group: None,
        perm_siblings_placed_together: None,
        perm_siblings_placed_apart: None,
        perm_placement_provider_urn: None,
        perm_permanence_order_date: order.map(d),
        perm_permanence_order_type: order.map(|_| c("ADOPTION")),
        perm_adoption_worker_id: None,
        perm_adopter_sex: None,
        perm_adopter_legal_status: None,
        perm_number_of_adopters: None,
        perm_adoptive_family_id: order.map(|_| format!("FAM-{pid}")),
    };
    t.permanence.push(perm("P1", Some("2025-03-30"))); // out: adopted 12 months + 1 day ago
    t.permanence.push(perm("P2", Some("2025-03-31"))); // in
    t.permanence.push(perm("P3", None)); // in: decided, not yet adopted
    t.permanence.push(perm("P4", Some("2026-04-01"))); // in: the order is after R, so not yet
    let a = export(t);
    assert_eq!(column(&a, 10, "Child Unique ID"), ["P2", "P3", "P4"]);
    assert_eq!(
        column(&a, 10, "Date of Adoption Order"),
        ["31/03/2025", "", ""]
    );
    assert_eq!(
        column(&a, 10, "Family identifier"),
        ["FAM-P2", "", "FAM-P4"]
    );
}

#[test]
fn derived_columns_on_hand_built_cases() {
    let mut t = base();
    // P1: three referrals; the last is in the window and has one other within 12 months.
    t.cin_episodes.push(referral(
        "R1",
        "P1",
        "2025-01-10",
        Some(("2025-02-01", "RC8")),
    ));
    t.cin_episodes.push(referral(
        "R2",
        "P1",
        "2025-12-01",
        Some(("2025-12-20", "RC8")),
    ));
    t.cin_episodes
        .push(referral("R3", "P1", "2026-01-15", None));
    // P1 is allocated to W2 in T2 on R; the referral itself names T1/W1.
    t.involvements.push(Involvement {
        invo_involvements_id: id("I1"),
        invo_professional_id: Some(id("W2")),
        invo_professional_role_id: None,
        invo_professional_team: Some(id("T2")),
        invo_involvement_start_date: d("2026-01-15"),
        invo_involvement_end_date: None,
        invo_worker_change_reason: None,
        invo_person_id: id("P1"),
        invo_referral_id: Some(id("R3")),
    });
    // P2: a second CP plan (one before), in care twice in 12 months, with three placements in
    // the last 12 months, two missing and one absent episode.
    t.cin_episodes
        .push(referral("R4", "P2", "2024-06-01", None));
    t.cp_plans
        .push(cp_plan("CP1", "R4", "P2", "2024-06-10", Some("2024-12-10")));
    t.cp_plans
        .push(cp_plan("CP2", "R4", "P2", "2025-10-01", None));
    care(
        &mut t,
        "P2",
        "POC1",
        &[("2025-04-10", "U6")],
        Some(("2025-06-01", "E4B")),
    );
    care(
        &mut t,
        "P2",
        "POC2",
        &[("2025-11-01", "U6"), ("2026-01-05", "K2")],
        None,
    );
    for (i, (start, kind)) in [
        ("2025-03-01", "M"),
        ("2025-12-01", "M"),
        ("2026-02-01", "A"),
        ("2026-03-01", "M"),
    ]
    .iter()
    .enumerate()
    {
        t.missing_episodes.push(MissingEpisode {
            miss_table_id: id(&format!("M{i}")),
            miss_person_id: id("P2"),
            miss_missing_episode_start_date: d(start),
            miss_missing_episode_type: c(kind),
            miss_missing_episode_end_date: Some(d(start)),
            miss_missing_rhi_offered: Some(c("Y")),
            miss_missing_rhi_accepted: Some(c(if i == 3 { "N" } else { "Y" })),
        });
    }
    let a = export(t.clone());

    // List 3: the 12-month count excludes the referral itself (D2I), or includes it.
    assert_eq!(
        column(&a, 3, "Number of Referrals in Last 12 Months"),
        ["1", "1"]
    );
    assert_eq!(
        column(&a, 3, "Allocated Team"),
        ["Children in Care", "Children in Care"]
    );
    assert_eq!(column(&a, 3, "Allocated Worker"), ["Ben Care", "Ben Care"]);
    let with_current = annex_a::derive(
        &model(t),
        d(R),
        &Options {
            count_current_event: true,
            ..Options::default()
        },
    );
    assert_eq!(
        column(&with_current, 3, "Number of Referrals in Last 12 Months"),
        ["2", "2"]
    );
    // Ages at R: P1 born 1 April 2015 is still 10 on 31 March 2026.
    assert_eq!(column(&a, 3, "Age of Child (Years)"), ["10", "10"]);

    // List 7: one previous plan.
    assert_eq!(
        column(&a, 7, "Number of Previous Child Protection Plans"),
        ["1"]
    );
    assert_eq!(column(&a, 7, "Initial Category of Abuse"), ["a) Neglect"]);
    assert_eq!(
        column(&a, 7, "Latest Category of Abuse"),
        ["d) Emotional abuse"]
    );

    // List 8: one row for P2, from the current period of care.
    let col = |h: &str| column(&a, 8, h);
    assert_eq!(col("Child Unique ID"), ["P2"]);
    assert_eq!(col("Date Started to be Looked After"), ["01/11/2025"]);
    assert_eq!(
        col("Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)"),
        ["a) Yes"]
    );
    assert_eq!(col("Number of Placements in the Last 12 months"), ["3"]);
    assert_eq!(col("Start Date of Most Recent Placement"), ["05/01/2026"]);
    assert_eq!(col("Placement Type"), ["p) K2: Children's Homes"]);
    assert_eq!(col("Placement Location"), ["b) Out"]);
    assert_eq!(
        col("Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"),
        ["2"]
    );
    assert_eq!(
        col("Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"),
        ["1"]
    );
    assert_eq!(
        col("Did the child accept a Return Interview after their last missing episode (Y/N)?"),
        ["b) No"]
    );
    assert_eq!(col("Child's Legal Status"), ["C2: FCO"]);
    assert_eq!(col("Start date of current legal status"), ["01/11/2025"]);

    // List 6: P2's open referral while in care is case status "looked after".
    let status: Vec<(String, String)> = column(&a, 6, "Child Unique ID")
        .into_iter()
        .zip(column(&a, 6, "Case Status"))
        .collect();
    assert!(status.contains(&("P2".into(), "a) Looked after child".into())));
    // P1 has an open referral and nothing more: D2I's default, a child in need.
    assert!(status.contains(&("P1".into(), "c) Child in need plan".into())));
}

#[test]
fn xlsx_has_a_sheet_per_list_with_dates_as_dates() {
    let mut t = base();
    t.contacts.push(contact("C1", "P1", "2026-01-02"));
    let a = export(t);
    let bytes = annex_a::write_xlsx(&a).unwrap();
    // An xlsx is a zip: check the sheet names and that the date went in as a number.
    let text = String::from_utf8_lossy(&bytes);
    assert!(bytes.starts_with(b"PK"));
    assert!(text.contains("xl/worksheets/sheet11.xml"));
    assert_eq!(
        a.list(1)[0][5],
        Cell::Date(d("2026-01-02")),
        "contact date kept as a date"
    );
}

#[test]
fn adopters_list_covers_twelve_months_of_contact() {
    let mut t = base();
    let adopter = |aid: &str, enquiry: &str, left: Option<&str>| Adopter {
        adop_adopter_id: id(aid),
        adop_family_id: format!("F-{aid}"),
        adop_sex: c("F"),
        adop_ethnicity: c("WBRI"),
        adop_disability: c("N"),
        adop_fostering_for_adoption: c("N"),
        adop_enquiry_date: d(enquiry),
        adop_stage1_start_date: None,
        adop_stage1_end_date: None,
        adop_stage2_start_date: None,
        adop_stage2_end_date: None,
        adop_application_date: None,
        adop_approval_date: None,
        adop_matched_date: None,
        adop_placed_date: None,
        adop_children_placed: None,
        adop_adoption_order_date: None,
        adop_left_process_date: left.map(d),
        adop_left_process_reason: left.map(|_| c("1")),
    };
    t.adopters
        .push(adopter("AD1", "2024-01-01", Some("2025-03-30"))); // out
    t.adopters
        .push(adopter("AD2", "2024-01-01", Some("2025-03-31"))); // in
    t.adopters.push(adopter("AD3", "2020-01-01", None)); // in: still in the process
    t.adopters.push(adopter("AD4", "2026-04-01", None)); // out: enquiry after R
    let a = export(t);
    assert_eq!(
        column(&a, 11, "Individual adopter identifier"),
        ["AD2", "AD3"]
    );
    assert_eq!(
        column(&a, 11, "Reason for leaving adoption process"),
        ["1 - Adopter withdrew from process", ""]
    );
}

// ---- Reading and checking a council's Annex A ----

fn generated(population: u64, errors: f64) -> synth::Generated {
    let mut cfg = synth::Config::new(population, 7, d(R));
    cfg.error_rate = errors;
    synth::generate(&cfg, &|_, _| {})
}

fn csv_files(a: &annex_a::AnnexA) -> Vec<(String, Vec<u8>)> {
    annex_a::write_csv(a)
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect()
}

#[test]
fn exported_annex_a_reads_back_with_no_problems() {
    let g = generated(8_000, 0.0);
    let a = annex_a::derive(&g.model, d(R), &Options::default());
    assert!(a.lists.iter().take(9).all(|l| !l.is_empty()));
    let from_xlsx = annex_a::read_xlsx("a.xlsx", &annex_a::write_xlsx(&a).unwrap()).unwrap();
    let from_csv = annex_a::read_csv_files(&csv_files(&a)).unwrap();
    for wb in [&from_xlsx, &from_csv] {
        let problems = annex_a::check(wb, d(R));
        assert!(problems.is_empty(), "{}", problems[0]);
        // Without --as-at, the check dates the file by its latest date (births aside).
        assert_eq!(annex_a::latest_date(wb), Some(d(R)));
        let rows: usize = wb.lists.iter().flatten().map(|s| s.rows.len()).sum();
        assert_eq!(rows, a.lists.iter().map(Vec::len).sum::<usize>());
    }
}

/// Every injected fault Annex A can show is reported: a duplicated referral in List 3's
/// period, an assessment authorised before it started while in List 4, a CP plan ending before
/// it started while in List 7. (Other faults — a missing closure date, a 903 placement code
/// invalid for its year, overlapping episodes — leave nothing Annex A can see.)
#[test]
fn injected_faults_that_annex_a_can_show_are_reported() {
    let g = generated(30_000, 0.02);
    let t = &g.model.tables;
    let six = d("2025-09-30");
    let a = annex_a::derive(&g.model, d(R), &Options::default());
    let wb = annex_a::read_csv_files(&csv_files(&a)).unwrap();
    let problems = annex_a::check(&wb, d(R));
    let reported = |list: u8, child: &str, text: &str| {
        problems.iter().any(|p| {
            annex_a::list_number(&p.source) == Some(list)
                && p.record.as_deref() == Some(child)
                && (p.message.contains(text) || p.column.as_deref() == Some(text))
        })
    };
    let mut expected = [0; 3];
    for f in &g.faults {
        let kind = serde_json::to_value(f.kind).unwrap();
        match (kind.as_str().unwrap(), f.table) {
            ("duplicate", "ssd_cin_episodes") => {
                let r = t
                    .cin_episodes
                    .iter()
                    .find(|r| r.cine_referral_id.as_str() == f.row_id)
                    .unwrap();
                if r.cine_referral_date >= six && r.cine_referral_date <= d(R) {
                    expected[0] += 1;
                    assert!(reported(3, &f.person_id, "same record"), "{f:?}");
                }
            }
            ("impossible_order", "ssd_cin_assessments") => {
                let x = t
                    .assessments
                    .iter()
                    .find(|x| x.cina_assessment_id.as_str() == f.row_id)
                    .unwrap();
                let auth = x.cina_assessment_auth_date.unwrap();
                if x.cina_assessment_start_date <= d(R) && auth >= six {
                    expected[1] += 1;
                    assert!(
                        reported(
                            4,
                            &f.person_id,
                            "Continuous Assessment Date of Authorisation"
                        ),
                        "{f:?}"
                    );
                }
            }
            ("impossible_order", "ssd_cp_plans") => {
                let p = t
                    .cp_plans
                    .iter()
                    .find(|p| p.cppl_cp_plan_id.as_str() == f.row_id)
                    .unwrap();
                let end = p.cppl_cp_plan_end_date.unwrap();
                if p.cppl_cp_plan_start_date <= d(R) && end >= six && !p.cppl_cp_plan_ola.is_yes() {
                    expected[2] += 1;
                    assert!(
                        reported(7, &f.person_id, "Child Protection Plan End Date"),
                        "{f:?}"
                    );
                }
            }
            _ => {}
        }
    }
    // The run holds duplicated referrals and misordered assessments inside the lists' periods,
    // so the test means something. A plan whose end moved before its start rarely stays in
    // List 7's period (it must start and end within it); `problems_name_sheet_row_column_and_value`
    // covers that check on a hand-built plan.
    assert!(expected[0] > 0 && expected[1] > 0, "{expected:?}");
}

/// Councils' header and value variants (spec §1.1, §1.2): case, spacing, quote style, the
/// short `Age` header, a doubled parenthesis, codes without their letter prefix or in other
/// case, ISO dates, sheet names with a title.
#[test]
fn header_and_value_variants_are_accepted() {
    let g = generated(4_000, 0.0);
    let a = annex_a::derive(&g.model, d(R), &Options::default());
    let files: Vec<(String, Vec<u8>)> = csv_files(&a)
        .into_iter()
        .map(|(name, bytes)| {
            let text = String::from_utf8(bytes).unwrap();
            let (head, body) = text.split_once('\n').unwrap();
            let head = head
                .replace("Age of Child (Years)", "Age")
                .replace("Date of referral", "DATE OF  REFERRAL")
                .replace(
                    "(UASC) within the Last 12 Months (Y/N)",
                    "(UASC) within the Last 12 Months (Y/N))",
                )
                .replace("'Missing'", "\u{2018}Missing\u{2019}")
                .replace("'Absent'", "\u{2018}Absent\u{2019}");
            let body = body
                .replace(",a) Male,", ",Male,")
                .replace(",b) Female,", ",B) FEMALE,")
                .replace(",a) WBRI,", ",WBRI,")
                .replace(",a) Yes,", ",yes,")
                .replace(",b) No,", ", b)  No ,");
            // Dates as ISO in the referrals list.
            let body = if name.contains("list_03") {
                body.lines()
                    .map(|l| {
                        l.split(',')
                            .map(|c| match c.split('/').collect::<Vec<_>>().as_slice() {
                                [dd, mm, yyyy] if yyyy.len() == 4 => format!("{yyyy}-{mm}-{dd}"),
                                _ => c.to_string(),
                            })
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                body
            };
            let n = annex_a::list_number(&name).unwrap();
            (
                format!("LIST {n} - council copy.csv"),
                format!("{head}\n{body}").into_bytes(),
            )
        })
        .collect();
    let wb = annex_a::read_csv_files(&files).unwrap();
    let problems = annex_a::check(&wb, d(R));
    assert!(problems.is_empty(), "{}", problems[0]);
}

#[test]
fn problems_name_sheet_row_column_and_value() {
    let mut t = base();
    t.contacts.push(contact("C1", "P1", "2026-01-02"));
    t.cin_episodes
        .push(referral("R1", "P1", "2026-01-05", None));
    // A plan recorded as ending before it started.
    t.cp_plans
        .push(cp_plan("CP1", "R1", "P2", "2026-01-10", Some("2025-12-01")));
    let a = export(t);
    let mut files = csv_files(&a);
    files.retain(|f| !f.0.contains("list_11"));
    for f in files.iter_mut() {
        let text = String::from_utf8(f.1.clone()).unwrap();
        if f.0.contains("list_01") {
            // A contact in the future, one before the period, an unknown source, a bad date.
            let extra = "P1,b) Female,a) WBRI,01/04/2015,10,02/04/2026,q) 6: Police\n\
                         P1,b) Female,a) WBRI,01/04/2015,10,01/01/2025,q) 6: Police\n\
                         P1,b) Female,a) WBRI,01/04/2015,10,03/01/2026,zz) Carrier pigeon\n\
                         P1,b) Female,a) WBRI,01/04/2015,10,31/02/2026,q) 6: Police\n";
            f.1 = format!("{text}{extra}").into_bytes();
        }
        if f.0.contains("list_03") {
            // Drop the Allocated Worker column.
            let cut: Vec<String> = text
                .lines()
                .map(|l| l.rsplit_once(',').unwrap().0.to_string())
                .collect();
            f.1 = (cut.join("\n") + "\n").into_bytes();
        }
    }
    let wb = annex_a::read_csv_files(&files).unwrap();
    let shown: Vec<String> = annex_a::check(&wb, d(R))
        .iter()
        .map(|p| p.to_string())
        .collect();
    let want = [
        "List 11: list missing from the file",
        "annex_a_list_03_referrals.csv, column \"Allocated Worker\": column missing",
        "annex_a_list_01_contacts.csv, row 3 (P1), column \"Date of Contact\", value \"02/04/2026\": a date on or before the Annex A date 31/03/2026",
        "annex_a_list_01_contacts.csv, row 4 (P1), column \"Date of Contact\", value \"01/01/2025\": a date in List 1's period, 30/09/2025 to 31/03/2026",
        "annex_a_list_01_contacts.csv, row 6 (P1), column \"Date of Contact\", value \"31/02/2026\": a date (dd/mm/yyyy)",
        "annex_a_list_07_child_protection.csv, row 2 (P2), column \"Child Protection Plan End Date\", value \"01/12/2025\": a date on or after \"Child Protection Plan Start Date\" (10/01/2026)",
        // P2's plan began in the six months, but List 5 has no enquiry for P2.
        "annex_a_list_07_child_protection.csv, row 2 (P2), column \"Child Unique ID\", value \"P2\": a child with a section 47 enquiry or ICPC in List 5 (the plan began in the last six months)",
    ];
    for w in want {
        assert!(shown.iter().any(|s| s == w), "missing {w:?} in {shown:#?}");
    }
    assert!(shown.iter().any(|s| s.starts_with(
        "annex_a_list_01_contacts.csv, row 5 (P1), column \"Contact Source\", value \"zz) Carrier pigeon\": one of the Contact/Referral Source codes"
    )));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// A workbook and the same lists as CSV files (name, bytes).
    type Sample = (Vec<u8>, Vec<(String, Vec<u8>)>);

    fn sample() -> &'static Sample {
        static S: std::sync::OnceLock<Sample> = std::sync::OnceLock::new();
        S.get_or_init(|| {
            let g = generated(1_500, 0.0);
            let a = annex_a::derive(&g.model, d(R), &Options::default());
            (annex_a::write_xlsx(&a).unwrap(), csv_files(&a))
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Arbitrary bytes as a workbook or as any list's CSV: an error or a report, never a panic.
        #[test]
        fn reader_and_check_never_panic_on_arbitrary_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..3000),
            n in 1u8..=11,
        ) {
            let _ = annex_a::read_xlsx("f.xlsx", &bytes);
            if let Ok(wb) = annex_a::read_csv_files(&[(format!("List {n}.csv"), bytes)]) {
                let _ = annex_a::check(&wb, d(R));
            }
        }

        /// A real export with bytes overwritten here and there (the workbook and every CSV).
        #[test]
        fn reader_and_check_never_panic_on_damaged_files(
            edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20),
        ) {
            let (xlsx, files) = sample();
            let mut x = xlsx.clone();
            for (i, b) in &edits {
                let at = i.index(x.len());
                x[at] = *b;
            }
            if let Ok(wb) = annex_a::read_xlsx("f.xlsx", &x) {
                let _ = annex_a::check(&wb, d(R));
            }
            let damaged: Vec<(String, Vec<u8>)> = files
                .iter()
                .map(|(name, bytes)| {
                    let mut b = bytes.clone();
                    for (i, v) in &edits {
                        let at = i.index(b.len());
                        b[at] = *v;
                    }
                    (name.clone(), b)
                })
                .collect();
            if let Ok(wb) = annex_a::read_csv_files(&damaged) {
                let _ = annex_a::check(&wb, d(R));
            }
        }
    }
}

#[test]
fn a_childs_journey_runs_in_date_order_across_the_lists() {
    let mut t = base();
    t.contacts.push(contact("C1", "P1", "2025-12-01"));
    t.cin_episodes
        .push(referral("R1", "P1", "2025-12-01", None));
    t.assessments.push(assessment(
        "A1",
        "R1",
        "P1",
        "2025-12-03",
        Some("2026-01-10"),
    ));
    care(&mut t, "P1", "POC1", &[("2026-02-01", "U6")], None);
    t.contacts.push(contact("C2", "P2", "2026-03-01"));
    let a = export(t);
    let events: Vec<(String, String, u8, &str)> = annex_a::journeys(&a)
        .into_iter()
        .map(|e| (e.child, e.date.to_dmy(), e.list, e.event))
        .collect();
    let p1 = |date: &str, list: u8, event: &'static str| {
        ("P1".to_string(), date.to_string(), list, event)
    };
    assert_eq!(
        events,
        [
            p1("01/12/2025", 1, "Contact"),
            p1("01/12/2025", 3, "Referral"),
            p1("01/12/2025", 6, "Child in need episode started"),
            p1("03/12/2025", 4, "Assessment started"),
            p1("10/01/2026", 4, "Assessment authorised"),
            p1("01/02/2026", 8, "Started to be looked after"),
            p1("01/02/2026", 8, "Most recent placement started"),
            ("P2".to_string(), "01/03/2026".to_string(), 1, "Contact"),
        ]
    );
    let csv = String::from_utf8(annex_a::journeys_csv(&annex_a::journeys(&a))).unwrap();
    assert!(csv.starts_with(
        "Child Unique ID,Date,List,Event,Detail\nP1,01/12/2025,List 1,Contact,q) 6: Police\n"
    ));
}
