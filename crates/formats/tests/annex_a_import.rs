//! Annex A import (`to_model`): a synthetic authority's Annex A, loaded as a model and derived
//! again, gives the same lists (directly and through xlsx and CSV files); each list's mapping on
//! hand-built rows; each error; arbitrary lists never panic.

use formats::annex_a::{self, AnnexA, Cell, Options, ToModelError, LISTS};
use model::codes::*;
use model::{CaseModel, Date, LaInfo};

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// The as-at date: six months back is 30 September 2025, twelve 31 March 2025.
const R: &str = "2026-03-31";

fn la() -> LaInfo {
    LaInfo {
        la_code: "999".into(),
        la_name: "Sightline Synthetic Borough".into(),
        child_population: 10_000,
        as_at: d(R),
    }
}

/// Columns that cannot come back from a derived Annex A: none. Every column is carried back
/// as a record's value or re-derived from records the import builds (`docs/annex-a.md`,
/// "Importing an Annex A"), also with 2% injected faults and at other seeds and dates.
///
/// A council's own workbook can differ where Sightline derives a column from others rather
/// than keep it: *Age of Child* (from the date of birth), *LA of Placement* (the authority's
/// name or `Other LA`, from Placement Location: the model holds no LA of placement), a blank
/// *Organisation completing assessment* (the authority's name); and where its cells
/// contradict each other or Annex A's definitions (a count lower than the records the lists
/// already show, a Case Status its other lists do not bear out).
const NOT_ROUND_TRIP: &[(u8, &str, &str)] = &[];

fn import(a: &AnnexA) -> CaseModel {
    let m = annex_a::to_model(a, la()).unwrap();
    let problems = m.tables.check_integrity();
    assert!(problems.is_empty(), "{}", problems[0]);
    m
}

/// Every cell of `b` equals `a`'s, except the columns that cannot round-trip; on a difference,
/// says where, with the first few examples.
fn same_lists(a: &AnnexA, b: &AnnexA) {
    let mut diffs = vec![];
    for def in LISTS.iter() {
        let (x, y) = (a.list(def.number), b.list(def.number));
        if x.len() != y.len() {
            diffs.push(format!(
                "List {}: {} rows, then {}",
                def.number,
                x.len(),
                y.len()
            ));
            continue;
        }
        for (c, h) in def.headers.iter().enumerate() {
            if NOT_ROUND_TRIP
                .iter()
                .any(|(n, col, _)| *n == def.number && col == h)
            {
                continue;
            }
            let bad: Vec<usize> = (0..x.len()).filter(|&r| x[r][c] != y[r][c]).collect();
            if let Some(&r) = bad.first() {
                diffs.push(format!(
                    "List {} \"{h}\": {} rows differ, e.g. row {r} ({}) {:?} then {:?}",
                    def.number,
                    bad.len(),
                    x[r][0].text(),
                    x[r][c],
                    y[r][c]
                ));
            }
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

fn synthetic() -> AnnexA {
    let cfg = synth::Config::new(8_000, 7, d(R));
    let g = synth::generate(&cfg, &|_, _| {});
    annex_a::derive(&g.model, d(R), &Options::default())
}

#[test]
fn synthetic_annex_a_round_trips() {
    let a = synthetic();
    assert!(a.lists.iter().all(|l| !l.is_empty()));
    let b = annex_a::derive(&import(&a), d(R), &Options::default());
    same_lists(&a, &b);
}

#[test]
fn synthetic_annex_a_round_trips_through_xlsx_and_csv() {
    let a = synthetic();
    let xlsx = annex_a::read_xlsx("a.xlsx", &annex_a::write_xlsx(&a).unwrap()).unwrap();
    let csv: Vec<(String, Vec<u8>)> = annex_a::write_csv(&a)
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect();
    let csv = annex_a::read_csv_files(&csv).unwrap();
    for wb in [xlsx, csv] {
        let read = annex_a::to_annex_a(&wb, d(R));
        let b = annex_a::derive(&import(&read), d(R), &Options::default());
        if std::panic::catch_unwind(|| same_lists(&a, &b)).is_err() {
            println!("differs");
        }
    }
}

// ---- Hand-built lists ----

/// An empty Annex A at R.
fn empty() -> AnnexA {
    AnnexA {
        as_at: d(R),
        lists: vec![vec![]; LISTS.len()],
    }
}

/// Adds a row to list `n` from (header, cell) pairs; other columns blank.
fn add(a: &mut AnnexA, n: u8, cells: &[(&str, Cell)]) {
    let def = &LISTS[n as usize - 1];
    let mut row = vec![Cell::Empty; def.headers.len()];
    for (h, c) in cells {
        row[def.column(h).unwrap_or_else(|| panic!("{h}"))] = c.clone();
    }
    a.lists[n as usize - 1].push(row);
}

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}
fn dt(s: &str) -> Cell {
    Cell::Date(d(s))
}

/// The columns every child list starts with.
fn child(pid: &str) -> Vec<(&'static str, Cell)> {
    vec![
        ("Child Unique ID", t(pid)),
        ("Gender", t("b) Female")),
        ("Ethnicity", t("a) WBRI")),
        ("Date of Birth", dt("2015-04-01")),
        ("Age of Child (Years)", Cell::Int(10)),
    ]
}

fn row(pid: &str, rest: &[(&'static str, Cell)]) -> Vec<(&'static str, Cell)> {
    let mut v = child(pid);
    v.extend(rest.iter().cloned());
    v
}

#[test]
fn people_merge_what_the_lists_say() {
    let mut a = empty();
    let mut r1 = row(
        "C1",
        &[
            ("Date of Contact", dt("2026-01-05")),
            ("Contact Source", t("q) 6: Police")),
        ],
    );
    r1[3].1 = Cell::Empty; // no date of birth in List 1
    add(&mut a, 1, &r1);
    add(
        &mut a,
        4,
        &row(
            "C1",
            &[
                ("Does the Child have a Disability", t("a) Yes")),
                ("Continuous Assessment Start Date", dt("2026-01-06")),
            ],
        ),
    );
    add(
        &mut a,
        1,
        &[
            ("Child Unique ID", t("C2")),
            ("Date of Contact", dt("2026-01-05")),
        ],
    );
    let m = import(&a);
    let t = &m.tables;
    assert_eq!(t.people.len(), 2);
    let c1 = &t.people[0];
    assert_eq!(
        (c1.pers_sex, c1.pers_ethnicity),
        (Sex::Female, Ethnicity::Wbri)
    );
    assert_eq!(c1.pers_dob, Some(d("2015-04-01")), "from List 4");
    let c2 = &t.people[1];
    assert_eq!(
        (c2.pers_sex, c2.pers_ethnicity, c2.pers_dob),
        (Sex::Unknown, Ethnicity::Nobt, None)
    );
    assert_eq!(t.disabilities.len(), 1);
    assert_eq!(t.disabilities[0].disa_disability_code, Disability::Dda);
    assert_eq!(t.contacts[0].cont_contact_source_code, ReferralSource::S6);
    assert_eq!(t.contacts[0].cont_contact_id.as_str(), "AA1-00001");
    assert_eq!(
        t.contacts[1].cont_contact_source_code,
        ReferralSource::S10,
        "blank source"
    );
    // The assessment needs a referral; none is listed, so a placeholder before the six months.
    let f = &t.cin_episodes[0];
    assert_eq!(f.cine_referral_id.as_str(), "AAP00001-REF");
    assert!(f.cine_referral_date < d("2025-09-30") && f.cine_referral_nfa.is_yes());
    let b = annex_a::derive(&m, d(R), &Options::default());
    assert!(b.list(3).is_empty() && b.list(6).is_empty());
}

#[test]
fn referrals_counts_and_cin_episodes() {
    let mut a = empty();
    add(
        &mut a,
        3,
        &row(
            "C1",
            &[
                ("Date of referral", dt("2025-11-01")),
                ("Referral Source", t("e) 2A: Schools")),
                ("Referral NFA?", t("b) No")),
                ("Number of Referrals in Last 12 Months", Cell::Int(2)),
                ("Allocated Team", t("Front Door")),
                ("Allocated Worker", t("A Worker")),
            ],
        ),
    );
    add(
        &mut a,
        3,
        &row(
            "C1",
            &[
                ("Date of referral", dt("2026-02-01")),
                ("Referral Source", t("q) 6: Police")),
                ("Referral NFA?", t("b) No")),
                ("Number of Referrals in Last 12 Months", Cell::Int(3)),
                ("Allocated Team", t("Front Door")),
                ("Allocated Worker", t("A Worker")),
            ],
        ),
    );
    add(
        &mut a,
        6,
        &row(
            "C1",
            &[
                ("Does the Child have a Disability", t("b) No")),
                ("CIN Start Date", dt("2026-02-01")),
                ("Primary Need Code", t("N4 - Family in acute stress")),
                ("Date Child Was Last Seen", dt("2026-03-20")),
                ("CIN Closure Date", dt("2026-03-25")),
                ("Reason for Closure", t("RC7 - Services ceased for any other reason, including child no longer in need")),
                ("Case Status", t("e) Closed episode")),
                ("Allocated Team", t("Front Door")),
                ("Allocated Worker", t("A Worker")),
            ],
        ),
    );
    let m = import(&a);
    let t = &m.tables;
    // Two listed referrals and two earlier ones the counts reveal.
    assert_eq!(t.cin_episodes.len(), 4);
    let (f1, f2) = (&t.cin_episodes[0], &t.cin_episodes[1]);
    assert_eq!(f1.cine_referral_source_code, ReferralSource::S2A);
    assert_eq!(
        (f1.cine_close_date, f1.cine_close_reason),
        (Some(d("2026-02-01")), Some(ClosureReason::Rc7)),
        "closed when the next began"
    );
    assert_eq!(f2.cine_cin_primary_need_code, Some(PrimaryNeed::N4));
    assert_eq!(f2.cine_close_date, Some(d("2026-03-25")));
    for p in &t.cin_episodes[2..] {
        // Both in the later row's twelve months, which the earlier row's also covers.
        assert_eq!(p.cine_referral_date, d("2025-02-01"));
        assert!(p.cine_referral_nfa.is_yes());
        assert!(p.cine_referral_id.as_str().starts_with("AA3-00002-P"));
    }
    assert_eq!(t.cin_visits.len(), 1, "last seen");
    assert_eq!(t.teams[0].dept_team_name, "Front Door");
    assert_eq!(
        t.professionals[0].prof_professional_name.as_deref(),
        Some("A Worker")
    );
    assert_eq!(t.involvements.len(), 1);
    assert_eq!(
        t.involvements[0].invo_involvement_end_date, None,
        "every row agrees"
    );
    let b = annex_a::derive(&m, d(R), &Options::default());
    same_lists(&a_with_derived_ages(a), &b);
}

/// Ages as the export derives them, so a hand-built list compares with a derived one.
fn a_with_derived_ages(mut a: AnnexA) -> AnnexA {
    for (i, list) in a.lists.iter_mut().enumerate() {
        let def = &LISTS[i];
        let (Some(dob), Some(age)) = (
            def.column("Date of Birth"),
            def.column("Age of Child (Years)"),
        ) else {
            continue;
        };
        for r in list {
            if let Cell::Date(b) = r[dob] {
                r[age] = Cell::Int(model::calendar::age_in_years(b.0, d(R).0) as i64);
            }
        }
    }
    a
}

#[test]
fn section_47s_conferences_and_plans() {
    let mut a = empty();
    let s47 =
        |start: &str, icpc: Option<&str>, n47: i64, nicpc: i64| {
            row(
            "C1",
            &[
                ("Does the Child have a Disability", t("c) Unknown")),
                ("Strategy discussion initiating Section 47 Enquiry Start Date", dt(start)),
                (
                    "Was an Initial Child Protection Conference deemed unnecessary?",
                    t(if icpc.is_some() { "b) No" } else { "a) Yes" }),
                ),
                ("Date of Initial Child Protection Conference", icpc.map_or(Cell::Empty, dt)),
                (
                    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                    icpc.map_or(Cell::Empty, |_| t("a) Yes")),
                ),
                ("Number of Section 47 Enquiries in the last 12 months", Cell::Int(n47)),
                ("Number of ICPCs in the last 12 months", Cell::Int(nicpc)),
            ],
        )
        };
    add(&mut a, 5, &s47("2025-10-10", None, 1, 1));
    add(&mut a, 5, &s47("2026-01-10", Some("2026-01-30"), 2, 1));
    add(
        &mut a,
        7,
        &row(
            "C1",
            &[
                ("Does the Child have a Disability", t("c) Unknown")),
                ("Child Protection Plan Start Date", dt("2026-01-30")),
                ("Initial Category of Abuse", t("a) Neglect")),
                ("Latest Category of Abuse", t("d) Emotional abuse")),
                ("Date of the Last Statutory Visit", dt("2026-03-10")),
                ("Was the Child Seen Alone?", t("a) Yes")),
                ("Date of latest review conference", dt("2026-03-01")),
                (
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    t("a) Yes"),
                ),
                ("Number of Previous Child Protection Plans", Cell::Int(2)),
            ],
        ),
    );
    let m = import(&a);
    let t = &m.tables;
    assert_eq!(
        t.s47_enquiries[0].s47e_s47_end_date,
        Some(d("2025-10-10")),
        "no ICPC: ends on its start"
    );
    assert_eq!(
        t.s47_enquiries[1].s47e_s47_end_date,
        Some(d("2026-01-30")),
        "ends at the ICPC"
    );
    // One earlier enquiry and one earlier conference, before the first row.
    assert_eq!(t.s47_enquiries.len(), 3);
    assert_eq!(t.s47_enquiries[2].s47e_s47_start_date, d("2025-01-10"));
    assert_eq!(t.initial_cp_conferences.len(), 2);
    let icpc = &t.initial_cp_conferences[0];
    assert_eq!(
        icpc.icpc_s47_enquiry_id.as_ref().unwrap().as_str(),
        "AA5-00002"
    );
    assert_eq!(icpc.icpc_cp_plan_id.as_ref().unwrap().as_str(), "AA7-00001");
    assert_eq!(t.initial_cp_conferences[1].icpc_s47_enquiry_id, None);
    let plan = &t.cp_plans[0];
    assert_eq!(
        plan.cppl_icpc_id.as_ref().unwrap().as_str(),
        "AA5-00002-ICPC"
    );
    assert_eq!(
        (
            plan.cppl_cp_plan_initial_category,
            plan.cppl_cp_plan_latest_category
        ),
        (CpCategory::Neg, CpCategory::Emo)
    );
    assert_eq!(plan.cppl_cp_plan_previous_plans, Some(2));
    assert_eq!(t.cp_visits[0].cppv_cp_visit_seen_alone, Some(YesNo::Yes));
    assert_eq!(t.cp_reviews[0].cppr_cp_review_date, Some(d("2026-03-01")));
    let epo = &t.legal_statuses[0];
    assert_eq!(epo.lega_legal_status, LegalStatus::L2);
    assert_eq!(epo.lega_legal_status_end_date, Some(d("2025-09-30")));
    let b = annex_a::derive(&m, d(R), &Options::default());
    same_lists(&a_with_derived_ages(a), &b);
}

#[test]
fn children_in_care_rebuild_placements_episodes_and_visits() {
    let mut a = empty();
    add(
        &mut a,
        8,
        &row(
            "C1",
            &[
                ("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", t("b) No")),
                ("Does the Child have a Disability", t("b) No")),
                ("Date Started to be Looked After", dt("2025-06-01")),
                ("Child's Category of Need", t("N1 - Abuse or neglect")),
                (
                    "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
                    t("a) Yes"),
                ),
                ("Start date of current legal status", dt("2025-08-01")),
                ("Child's Legal Status", t("C2: FCO")),
                ("Date of Latest Statutory Review", dt("2026-02-01")),
                ("Date of Last Social Work Visit", dt("2026-03-01")),
                ("What is the permanence plan for this child?", t("f) Long-term fostering")),
                ("Date of Last IRO Visit / Contact to the Child", dt("2026-02-01")),
                ("Date of Last Health Assessment", dt("2025-12-01")),
                ("Date of Last Dental Check", dt("2025-11-01")),
                ("Number of Placements in the Last 12 months", Cell::Int(4)),
                ("Start Date of Most Recent Placement", dt("2026-01-01")),
                ("Placement Type", t("f) U6: Foster placement - not FFA")),
                ("Placement Provider", t("b) PR1: Own provision")),
                ("Placement postcode", t("ZZ1 1ZZ")),
                ("URN of Placement", t("SC123456")),
                ("Placement Location", t("b) Out")),
                ("LA of Placement", t("Other LA")),
                (
                    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                    Cell::Int(2),
                ),
                (
                    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                    Cell::Int(1),
                ),
                ("Was the child offered a Return Interview after their last missing episode (Y/N)?", t("a) Yes")),
                ("Did the child accept a Return Interview after their last missing episode (Y/N)?", t("b) No")),
            ],
        ),
    );
    let m = import(&a);
    let t = &m.tables;
    // An earlier period, two earlier placements in this one, and the current placement.
    assert_eq!(t.placements.len(), 4);
    let current = t.placements.last().unwrap();
    assert_eq!(current.clap_cla_placement_id.as_str(), "AA8-00001-PL");
    assert_eq!(current.clap_cla_placement_type, PlacementType::U6);
    assert_eq!(current.clap_cla_placement_distance, Some(21.0));
    assert_eq!(t.cla_episodes.len(), 4);
    let first = &t.cla_episodes[1];
    assert_eq!(
        (
            first.clae_cla_episode_start_date,
            first.clae_cla_episode_start_reason
        ),
        (d("2025-06-01"), ReasonNewEpisode::S)
    );
    assert_eq!(t.cla_episodes[0].clae_cla_id.as_str(), "AA8-00001-POC0");
    assert_eq!(t.legal_statuses[0].lega_legal_status, LegalStatus::C2);
    assert_eq!(t.missing_episodes.len(), 3);
    let last = t.missing_episodes.last().unwrap();
    assert_eq!(
        (
            last.miss_missing_rhi_offered,
            last.miss_missing_rhi_accepted
        ),
        (Some(YesNo::Yes), Some(YesNo::No))
    );
    assert_eq!(t.health_checks.len(), 2);
    assert_eq!(
        t.cla_care_plans[0]
            .lacp_cla_care_plan_json
            .0
            .permanence_plan,
        PermanencePlan::LongTermFostering
    );
    let b = annex_a::derive(&m, d(R), &Options::default());
    same_lists(&a_with_derived_ages(a), &b);
}

#[test]
fn care_leavers_adoption_and_adopters() {
    let mut a = empty();
    let mut leaver = row(
        "C9",
        &[
            (
                "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
                t("a) Yes"),
            ),
            ("Does the Child have a Disability", t("c) Unknown")),
            ("Allocated Team", t("Leaving Care")),
            ("Allocated Personal Advisor", t("P Adviser")),
            ("Eligibility Category", t("b) Former relevant child")),
            ("Latest Pathway Plan Review Date", dt("2026-01-15")),
            ("LA in Touch", t("a) Yes")),
            ("Latest Date of Contact", dt("2026-03-01")),
            ("Type of Accommodation", t("U: Independent living")),
            ("Suitability of Accommodation", t("a) Suitable")),
            (
                "Activity Status",
                t("G5: Not in education, employment or training - other"),
            ),
        ],
    );
    leaver[3].1 = dt("2006-05-01");
    add(&mut a, 9, &leaver);
    let adoption = vec![
        ("Child Unique ID", t("C10")),
        ("Family identifier", t("FAM1")),
        ("Gender", t("a) Male")),
        ("Ethnicity", t("a) WBRI")),
        ("Date of Birth", dt("2022-01-01")),
        ("Does the Child have a Disability", t("b) No")),
        ("Date the Child Entered Care", dt("2023-01-01")),
        (
            "Date of Decision that Child Should be Placed for Adoption",
            dt("2024-01-01"),
        ),
        ("Date of Placement Order", dt("2024-03-01")),
        (
            "Date of Matching Child and Prospective Adopters",
            dt("2024-06-01"),
        ),
        ("Date Placed for Adoption", dt("2024-07-01")),
        ("Date of Adoption Order", dt("2025-06-01")),
    ];
    add(&mut a, 10, &adoption);
    add(
        &mut a,
        11,
        &[
            ("Individual adopter identifier", t("AD1")),
            ("Family identifier", t("FAM1")),
            ("Gender", t("b) Female")),
            ("Ethnicity", t("a) WBRI")),
            ("Disability", t("b) No")),
            (
                "Is the (prospective) adopter fostering for adoption?",
                t("b) No"),
            ),
            ("Date enquiry received", dt("2023-01-01")),
            ("Date application approved", dt("2023-10-01")),
            ("Date adopter matched with child(ren)", dt("2024-06-01")),
            (
                "Date child/children placed with adopter(s)",
                dt("2024-07-01"),
            ),
            ("No. of children placed", Cell::Int(1)),
            ("Date of Adoption Order", dt("2025-06-01")),
        ],
    );
    let m = import(&a);
    let t = &m.tables;
    let c = &t.care_leavers[0];
    assert_eq!(
        c.clea_care_leaver_eligibility,
        CareLeaverEligibility::FormerRelevant
    );
    assert_eq!(c.clea_care_leaver_latest_contact, d("2026-03-01"));
    assert_eq!(c.clea_care_leaver_activity, Some(CareLeaverActivity::G5));
    assert_eq!(
        t.immigration_statuses[0].immi_immigration_status_end_date,
        None
    );
    let p = &t.permanence[0];
    assert_eq!(
        p.perm_permanence_order_type,
        Some(PermanenceOrderType::Adoption)
    );
    // The period of care ended before the six months, so List 8 does not show it.
    let poc = p.perm_cla_id.as_ref().unwrap().as_str();
    assert_eq!(poc, "AA10-00001-POC");
    assert_eq!(
        t.cla_episodes[0].clae_cla_episode_ceased_date,
        Some(d("2025-06-01"))
    );
    assert_eq!(t.adopters[0].adop_children_placed, Some(1));
    let b = annex_a::derive(&m, d(R), &Options::default());
    same_lists(&a_with_derived_ages(a), &b);
}

#[test]
fn case_status_and_allocations_on_the_as_at_date() {
    let mut a = empty();
    let cin = |pid: &str, status: &str, team: &str| {
        row(
            pid,
            &[
                ("Does the Child have a Disability", t("b) No")),
                ("CIN Start Date", dt("2025-01-01")),
                ("Primary Need Code", t("N1 - Abuse or neglect")),
                ("Case Status", t(status)),
                ("Allocated Team", t(team)),
            ],
        )
    };
    add(&mut a, 6, &cin("C1", "c) Child in need plan", "Team A"));
    add(&mut a, 6, &cin("C2", "d) Open assessment", "Team B"));
    add(&mut a, 6, &cin("C3", "b) Child Protection plan", "Team A"));
    add(
        &mut a,
        4,
        &row(
            "C2",
            &[
                ("Does the Child have a Disability", t("b) No")),
                ("Continuous Assessment Start Date", dt("2026-03-01")),
                ("Child Seen During Continuous Assessment", t("a) Yes")),
                ("Allocated Team", t("Team C")),
            ],
        ),
    );
    add(
        &mut a,
        3,
        &row(
            "C4",
            &[
                ("Date of referral", dt("2026-01-01")),
                ("Referral Source", t("q) 6: Police")),
                ("Referral NFA?", t("a) Yes")),
                ("Number of Referrals in Last 12 Months", Cell::Int(0)),
                ("Allocated Team", t("Team X")),
            ],
        ),
    );
    add(
        &mut a,
        7,
        &row(
            "C4",
            &[
                ("Does the Child have a Disability", t("b) No")),
                ("Child Protection Plan Start Date", dt("2026-02-01")),
                ("Initial Category of Abuse", t("a) Neglect")),
                ("Latest Category of Abuse", t("a) Neglect")),
                (
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    t("b) No"),
                ),
                ("Number of Previous Child Protection Plans", Cell::Int(0)),
                ("Allocated Team", t("Team Y")),
            ],
        ),
    );
    let m = import(&a);
    let t = &m.tables;
    assert_eq!(t.cin_plans.len(), 1);
    assert_eq!(t.assessments[0].cina_referral_id.as_str(), "AA6-00002");
    assert!(t.cp_plans[1].cppl_cp_plan_ola.is_yes(), "another LA's plan");
    // C1 and C3: one team throughout, an involvement open on R.
    let of = |p: &str| {
        t.involvements
            .iter()
            .find(|i| i.invo_person_id.as_str() == p)
    };
    let team = |id: &Option<model::tables::TeamId>| {
        let id = id.as_ref().unwrap();
        t.teams
            .iter()
            .find(|x| &x.dept_team_id == id)
            .unwrap()
            .dept_team_name
            .clone()
    };
    assert_eq!(of("C1").unwrap().invo_involvement_end_date, None);
    // C2's rows disagree: the referral and the assessment keep their own teams.
    assert!(of("C2").is_none());
    assert_eq!(team(&t.assessments[0].cina_assessment_team), "Team C");
    // C4's too: List 7 shows the child's last involvement, ended on R.
    let c4 = of("C4").unwrap();
    assert_eq!(c4.invo_involvement_end_date, Some(d(R)));
    assert_eq!(team(&c4.invo_professional_team), "Team Y");
    assert_eq!(team(&t.cin_episodes[0].cine_referral_team), "Team X");
    let b = annex_a::derive(&m, d(R), &Options::default());
    same_lists(&a_with_derived_ages(a), &b);
}

// ---- Errors ----

fn error_of(n: u8, cells: &[(&str, Cell)]) -> ToModelError {
    let mut a = empty();
    add(&mut a, n, cells);
    annex_a::to_model(&a, la()).unwrap_err()
}

#[test]
fn rows_that_cannot_be_represented_are_errors_naming_list_row_and_column() {
    let blank = |list, column| ToModelError::Blank {
        list,
        row: 2,
        column,
    };
    assert_eq!(
        error_of(1, &[("Date of Contact", dt("2026-01-01"))]),
        blank(1, "Child Unique ID")
    );
    for (n, column) in [
        (1, "Date of Contact"),
        (2, "Assessment start date"),
        (3, "Date of referral"),
        (4, "Continuous Assessment Start Date"),
        (
            5,
            "Strategy discussion initiating Section 47 Enquiry Start Date",
        ),
        (6, "CIN Start Date"),
        (7, "Child Protection Plan Start Date"),
        (8, "Date Started to be Looked After"),
        (
            10,
            "Date of Decision that Child Should be Placed for Adoption",
        ),
    ] {
        assert_eq!(error_of(n, &child("C1")), blank(n, column), "List {n}");
    }
    assert_eq!(
        error_of(
            7,
            &row(
                "C1",
                &[("Child Protection Plan Start Date", dt("2026-01-01"))]
            )
        ),
        blank(7, "Initial Category of Abuse")
    );
    assert_eq!(
        error_of(
            8,
            &row(
                "C1",
                &[("Date Started to be Looked After", dt("2026-01-01"))]
            )
        ),
        blank(8, "Child's Legal Status")
    );
    assert_eq!(
        error_of(
            8,
            &row(
                "C1",
                &[
                    ("Date Started to be Looked After", dt("2026-01-01")),
                    ("Child's Legal Status", t("C2: FCO"))
                ]
            )
        ),
        blank(8, "Placement Type")
    );
    assert_eq!(error_of(9, &child("C1")), blank(9, "Eligibility Category"));
    assert_eq!(
        error_of(
            9,
            &row("C1", &[("Eligibility Category", t("a) Relevant child"))])
        ),
        blank(9, "LA in Touch")
    );
    assert_eq!(
        error_of(11, &[("Gender", t("a) Male"))]),
        blank(11, "Individual adopter identifier")
    );
    assert_eq!(
        error_of(11, &[("Individual adopter identifier", t("A1"))]),
        blank(11, "Date enquiry received")
    );

    let invalid = |e: ToModelError| match e {
        ToModelError::Invalid {
            list,
            row,
            column,
            value,
            ..
        } => (list, row, column, value),
        other => panic!("{other}"),
    };
    let mut r = child("C1");
    r[1].1 = t("z) Other");
    r.push(("Date of Contact", dt("2026-01-01")));
    assert_eq!(
        invalid(error_of(1, &r)),
        (1, 2, "Gender", "z) Other".into())
    );
    assert_eq!(
        invalid(error_of(
            3,
            &row("C1", &[("Date of referral", t("yesterday"))])
        )),
        (3, 2, "Date of referral", "yesterday".into())
    );
    assert_eq!(
        invalid(error_of(
            3,
            &row(
                "C1",
                &[
                    ("Date of referral", dt("2026-01-01")),
                    ("Referral NFA?", t("maybe"))
                ]
            )
        )),
        (3, 2, "Referral NFA?", "maybe".into())
    );
    assert_eq!(
        invalid(error_of(
            3,
            &row(
                "C1",
                &[
                    ("Date of referral", dt("2026-01-01")),
                    ("Number of Referrals in Last 12 Months", Cell::Int(100_000))
                ]
            )
        )),
        (
            3,
            2,
            "Number of Referrals in Last 12 Months",
            "100000".into()
        )
    );
    assert_eq!(
        invalid(error_of(
            1,
            &[
                ("Child Unique ID", t(&"x".repeat(49))),
                ("Date of Contact", dt("2026-01-01"))
            ]
        ))
        .2,
        "Child Unique ID"
    );
    let e = error_of(
        6,
        &row(
            "C1",
            &[
                ("CIN Start Date", dt("2026-01-01")),
                ("Case Status", t("f) Something else")),
            ],
        ),
    );
    assert_eq!(invalid(e.clone()).2, "Case Status");
    assert!(
        e.to_string()
            .starts_with("List 6, row 2, column \"Case Status\""),
        "{e}"
    );
    // Blank rows (a spreadsheet's trailing rows) are skipped; later rows keep their numbers.
    let mut a = empty();
    add(&mut a, 1, &[]);
    add(&mut a, 1, &[("Child Unique ID", t("C1"))]);
    assert_eq!(
        annex_a::to_model(&a, la()).unwrap_err(),
        ToModelError::Blank {
            list: 1,
            row: 3,
            column: "Date of Contact"
        }
    );
    let mut a = empty();
    a.as_at = Date::ymd(9000, 1, 1);
    assert!(matches!(
        annex_a::to_model(&a, la()),
        Err(ToModelError::AsAt(_))
    ));
}

// ---- Fuzz ----

mod fuzz {
    use super::*;
    use formats::annex_a::codes as cc;
    use proptest::prelude::*;

    /// A cell of the kind a canonical Annex A holds: blank, a date near R (or far off), a
    /// count, a code cell from any list, or odd text.
    fn cell() -> impl Strategy<Value = Cell> {
        let lists: Vec<&'static str> = [
            &cc::GENDER,
            &cc::ETHNICITY,
            &cc::YES_NO,
            &cc::SOURCE,
            &cc::NEED,
            &cc::CLOSURE,
            &cc::CASE_STATUS,
            &cc::ABUSE,
            &cc::LEGAL_STATUS,
            &cc::PERMANENCE_PLAN,
            &cc::REASON_CEASED,
            &cc::PLACEMENT_TYPE,
            &cc::PROVIDER,
            &cc::LOCATION,
            &cc::ELIGIBILITY,
            &cc::IN_TOUCH,
            &cc::ACCOMMODATION,
            &cc::SUITABILITY,
            &cc::ACTIVITY,
            &cc::NO_LONGER_PLACED,
            &cc::LEAVING_REASON,
        ]
        .iter()
        .flat_map(|l| l.cells.iter().map(|c| c.1))
        .collect();
        prop_oneof![
            3 => Just(Cell::Empty),
            3 => (-1200i64..60).prop_map(|n| Cell::Date(Date::ymd(2026, 3, 31).plus_days(n))),
            1 => (-800_000i64..800_000).prop_map(|n| Cell::Date(Date::ymd(2000, 1, 1).plus_days(n))),
            2 => (-3i64..8).prop_map(Cell::Int),
            1 => any::<i64>().prop_map(Cell::Int),
            3 => proptest::sample::select(lists).prop_map(|s| Cell::Text(s.to_string())),
            1 => proptest::sample::select(vec!["C1", "C2", "C3", "A1"]).prop_map(|s| Cell::Text(s.into())),
            1 => "\\PC{0,12}".prop_map(Cell::Text),
        ]
    }

    fn annex() -> impl Strategy<Value = AnnexA> {
        let lists: Vec<_> = LISTS
            .iter()
            .map(|def| {
                let width = def.headers.len();
                // Mostly well-formed rows with a child id; sometimes short ones.
                let row = (
                    proptest::sample::select(vec!["C1", "C2", "C3", ""]),
                    proptest::collection::vec(cell(), 0..=width),
                )
                    .prop_map(move |(id, mut cells)| {
                        if !cells.is_empty() && !id.is_empty() {
                            cells[0] = Cell::Text(id.into());
                        }
                        cells
                    });
                proptest::collection::vec(row, 0..4)
            })
            .collect();
        lists.prop_map(|lists| AnnexA { as_at: d(R), lists })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]
        #[test]
        fn arbitrary_lists_never_panic(a in annex()) {
            if let Ok(m) = annex_a::to_model(&a, la()) {
                prop_assert!(m.tables.check_integrity().is_empty());
                let _ = annex_a::derive(&m, d(R), &Options::default());
            }
        }
    }
}
