//! The Annex A readiness summary: figures on hand-built lists whose answers are known, the
//! same figures from a council's workbook as from Sightline's own lists, and an HTML report
//! whose every link leads to a page listing the children counted.

use formats::annex_a::summary::{summarise, Dim, Measure, Options, Summary};
use formats::annex_a::{self, AnnexA, Cell, LISTS};
use model::Date;

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

const R: &str = "2026-03-31";

/// An Annex A with the given rows; cells not named are blank.
fn annex(rows: &[(u8, &[(&str, Cell)])]) -> AnnexA {
    let mut lists: Vec<Vec<Vec<Cell>>> = vec![Vec::new(); 11];
    for (n, cells) in rows {
        let def = &LISTS[*n as usize - 1];
        let mut row = vec![Cell::Empty; def.headers.len()];
        for (h, c) in cells.iter() {
            let i = def
                .column(h)
                .unwrap_or_else(|| panic!("List {n} has no {h}"));
            row[i] = c.clone();
        }
        lists[*n as usize - 1].push(row);
    }
    AnnexA { as_at: d(R), lists }
}

fn t(s: &str) -> Cell {
    Cell::Text(s.into())
}
fn dt(s: &str) -> Cell {
    Cell::Date(d(s))
}

fn fig<'a>(s: &'a Summary, id: &str) -> &'a formats::annex_a::summary::Figure {
    s.figures
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn counted(s: &Summary, id: &str) -> (usize, usize) {
    let f = fig(s, id);
    let of = match f.measure {
        Measure::Share { of } => s.figures[of].rows.len(),
        _ => f.rows.len(),
    };
    (f.rows.len(), of)
}

const A_START: &str = "Continuous Assessment Start Date";
const A_END: &str = "Continuous Assessment Date of Authorisation";

#[test]
fn assessment_durations_fall_in_working_day_bands() {
    // Monday 2 March 2026 start. Working days after it: 10 -> 16 March, 45 -> 4 May (Easter
    // 3 and 6 April and the 4 May bank holiday are not working days), 46 -> 6 May.
    let a = annex(&[
        (4, &[(A_START, dt("2026-03-02")), (A_END, dt("2026-03-02"))]),
        (4, &[(A_START, dt("2026-01-05")), (A_END, dt("2026-01-19"))]),
        (4, &[(A_START, dt("2025-11-03")), (A_END, dt("2026-01-06"))]),
        (4, &[(A_START, dt("2026-03-20"))]),
        (4, &[(A_START, dt("2025-12-01"))]),
    ]);
    let s = summarise(&a, &Options::default());
    assert_eq!(counted(&s, "assessments-completed"), (3, 3));
    assert_eq!(counted(&s, "assessment-days-0"), (1, 3), "same day");
    assert_eq!(counted(&s, "assessment-days-1"), (1, 3), "10 working days");
    // 3 Nov 2025 to 6 Jan 2026: 45 weekdays less Christmas, Boxing Day and New Year's Day.
    assert_eq!(counted(&s, "assessment-days-5"), (1, 3), "41-45");
    assert_eq!(counted(&s, "assessments-45"), (3, 3));
    assert_eq!(counted(&s, "assessments-open"), (2, 2));
    // 20 March is 7 working days before the as-at date; 1 December is more than 45.
    assert_eq!(counted(&s, "assessments-open-over-45"), (1, 2));
}

#[test]
fn icpc_timeliness_counts_working_days_from_the_strategy_discussion() {
    let s47 = "Strategy discussion initiating Section 47 Enquiry Start Date";
    let icpc = "Date of Initial Child Protection Conference";
    let a = annex(&[
        // Monday 5 January: 15 working days on is Monday 26 January.
        (5, &[(s47, dt("2026-01-05")), (icpc, dt("2026-01-26"))]),
        (5, &[(s47, dt("2026-01-05")), (icpc, dt("2026-01-27"))]),
        // An ICPC recorded before its enquiry counts as held, not in the timeliness bands.
        (5, &[(s47, dt("2026-01-05")), (icpc, dt("2026-01-02"))]),
        (
            5,
            &[
                (s47, dt("2026-02-05")),
                (
                    "Was an Initial Child Protection Conference deemed unnecessary?",
                    t("a) Yes"),
                ),
            ],
        ),
    ]);
    let s = summarise(&a, &Options::default());
    assert_eq!(counted(&s, "icpcs-held"), (3, 4));
    assert_eq!(counted(&s, "icpcs-15"), (1, 3));
    assert_eq!(counted(&s, "icpc-days-4"), (1, 3), "14-15 working days");
    assert_eq!(counted(&s, "icpc-days-5"), (1, 3), "16-17 working days");
    assert_eq!(counted(&s, "s47-no-icpc-needed"), (1, 4));
}

#[test]
fn child_protection_visits_categories_lengths_and_repeats() {
    let start = "Child Protection Plan Start Date";
    let visit = "Date of the Last Statutory Visit";
    let cat = "Latest Category of Abuse";
    let prev = "Number of Previous Child Protection Plans";
    let a = annex(&[
        // Tuesday 31 March: 10 working days before is Tuesday 17 March; 11 is Monday 16th.
        (
            7,
            &[
                (start, dt("2025-01-10")),
                (visit, dt("2026-03-17")),
                (cat, t("a) Neglect")),
                (prev, Cell::Int(1)),
            ],
        ),
        (
            7,
            &[
                (start, dt("2026-02-10")),
                (visit, dt("2026-03-16")),
                (cat, t("d) Emotional abuse")),
                (prev, Cell::Int(0)),
            ],
        ),
        (7, &[(start, dt("2026-03-01")), (cat, t("a) Neglect"))]),
        // Ended before the as-at date: not on a plan now; lasted over two years.
        (
            7,
            &[
                (start, dt("2023-10-01")),
                ("Child Protection Plan End Date", dt("2026-01-15")),
            ],
        ),
    ]);
    let s = summarise(&a, &Options::default());
    assert_eq!(counted(&s, "cp-open"), (3, 3));
    assert_eq!(counted(&s, "cp-category-neg"), (2, 3));
    assert_eq!(counted(&s, "cp-category-emo"), (1, 3));
    // Overdue: the 16 March visit and the plan with no visit at all.
    assert_eq!(counted(&s, "cp-visits-overdue"), (2, 3));
    let fifteen = summarise(
        &a,
        &Options {
            cp_visit_working_days: 15,
            ..Default::default()
        },
    );
    assert_eq!(counted(&fifteen, "cp-visits-overdue"), (1, 3));
    // 2025-01-10 to the as-at date is over a year: the "1 to 2 years" band.
    assert_eq!(counted(&s, "cp-length-3"), (1, 3));
    assert_eq!(counted(&s, "cp-length-0"), (2, 3));
    assert_eq!(counted(&s, "cp-repeat"), (1, 4));
    assert_eq!(counted(&s, "cp-ended-2-years"), (1, 4));
}

#[test]
fn children_in_care_stability_missing_and_return_interviews() {
    let start = "Date Started to be Looked After";
    let latest = "Start Date of Most Recent Placement";
    let n = "Number of Placements in the Last 12 months";
    let age = "Age of Child (Years)";
    let miss = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months";
    let offered =
        "Was the child offered a Return Interview after their last missing episode (Y/N)?";
    let accepted =
        "Did the child accept a Return Interview after their last missing episode (Y/N)?";
    let placement = "Placement Type";
    let a = annex(&[
        // Looked after since 2023, same placement since March 2024: long-term stable.
        (
            8,
            &[
                (start, dt("2023-06-01")),
                (latest, dt("2024-03-01")),
                (n, Cell::Int(1)),
                (age, Cell::Int(12)),
                (placement, t("f) U6: Foster placement - not FFA")),
            ],
        ),
        // Looked after 2.5 years but moved last year; three placements; went missing twice.
        (
            8,
            &[
                (start, dt("2023-09-30")),
                (latest, dt("2025-09-01")),
                (n, Cell::Int(3)),
                (age, Cell::Int(14)),
                (miss, Cell::Int(2)),
                (offered, t("a) Yes")),
                (accepted, t("b) No")),
                (placement, t("p) K2: Children's Homes")),
            ],
        ),
        // Too old for the long-term measure; missing, offered and accepted.
        (
            8,
            &[
                (start, dt("2020-01-01")),
                (latest, dt("2020-01-01")),
                (n, Cell::Int(1)),
                (age, Cell::Int(16)),
                (miss, Cell::Int(1)),
                (offered, t("a) Yes")),
                (accepted, t("a) Yes")),
                (placement, t("p) K2: Children's Homes")),
            ],
        ),
        // Left care in the period.
        (
            8,
            &[
                (start, dt("2025-01-01")),
                ("Date Ceased to be Looked After", dt("2025-12-01")),
                (age, Cell::Int(9)),
            ],
        ),
    ]);
    let s = summarise(&a, &Options::default());
    assert_eq!(counted(&s, "cla-open"), (3, 3));
    assert_eq!(counted(&s, "cla-placement-k2"), (2, 3));
    assert_eq!(counted(&s, "cla-3-placements"), (1, 3));
    assert_eq!(counted(&s, "cla-long-term"), (2, 3));
    assert_eq!(counted(&s, "cla-stable"), (1, 2));
    assert_eq!(counted(&s, "cla-missing"), (2, 4));
    assert_eq!(counted(&s, "cla-ri-offered"), (2, 2));
    assert_eq!(counted(&s, "cla-ri-accepted"), (1, 2));
}

#[test]
fn care_leavers_by_age_band() {
    let age = "Age of Child (Years)";
    let a = annex(&[
        (
            9,
            &[
                (age, Cell::Int(17)),
                ("LA in Touch", t("a) Yes")),
                ("Suitability of Accommodation", t("a) Suitable")),
                (
                    "Activity Status",
                    t("F2: Full time in education other than higher"),
                ),
            ],
        ),
        (
            9,
            &[
                (age, Cell::Int(18)),
                ("LA in Touch", t("b) No")),
                (
                    "Activity Status",
                    t("G5: Not in education, employment or training - other"),
                ),
            ],
        ),
        (
            9,
            &[
                (age, Cell::Int(20)),
                ("LA in Touch", t("a) Yes")),
                ("Suitability of Accommodation", t("b) Unsuitable")),
            ],
        ),
    ]);
    let s = summarise(&a, &Options::default());
    assert_eq!(counted(&s, "leavers-17"), (2, 2));
    assert_eq!(counted(&s, "leavers-17-in-touch"), (1, 2));
    assert_eq!(counted(&s, "leavers-17-eet"), (1, 2));
    assert_eq!(counted(&s, "leavers-19-in-touch"), (1, 1));
    assert_eq!(counted(&s, "leavers-19-suitable"), (0, 1));
}

#[test]
fn breakdowns_partition_the_base_and_name_blanks() {
    let a = annex(&[
        (
            3,
            &[
                ("Gender", t("a) Male")),
                ("Referral NFA?", t("a) Yes")),
                ("Allocated Team", t("North")),
                ("Age of Child (Years)", Cell::Int(3)),
                ("Ethnicity", t("n) BCRB")),
            ],
        ),
        (
            3,
            &[
                ("Gender", t("b) Female")),
                ("Referral NFA?", t("b) No")),
                ("Age of Child (Years)", Cell::Int(15)),
                ("Ethnicity", t("a) WBRI")),
            ],
        ),
        (
            3,
            &[
                ("Gender", t("b) Female")),
                ("Referral NFA?", t("a) Yes")),
                ("Allocated Team", t("North")),
                ("Age of Child (Years)", Cell::Int(15)),
            ],
        ),
    ]);
    let s = summarise(&a, &Options::default());
    let nfa = fig(&s, "referrals-nfa");
    let by = |dim| s.breakdown(&a, nfa, dim);
    assert_eq!(
        by(Dim::Gender),
        [("a) Male".into(), 1, 1), ("b) Female".into(), 1, 2)]
    );
    assert_eq!(
        by(Dim::Team),
        [("North".into(), 2, 2), ("Not recorded".into(), 0, 1)]
    );
    assert_eq!(
        by(Dim::AgeBand),
        [("1 to 4".into(), 1, 1), ("10 to 15".into(), 1, 2)]
    );
    assert_eq!(
        by(Dim::Ethnicity),
        [
            ("Black or Black British".into(), 1, 1),
            ("Not recorded".into(), 1, 1),
            ("White".into(), 0, 1)
        ]
    );
    for f in &s.figures {
        for dim in Dim::ALL {
            let groups = s.breakdown(&a, f, dim);
            let base: usize = groups.iter().map(|g| g.2).sum();
            let want = match f.measure {
                Measure::Share { of } => s.figures[of].rows.len(),
                _ => f.rows.len(),
            };
            assert_eq!(base, want, "{} by {:?}", f.id, dim);
        }
    }
}

/// A council's workbook gives the same summary as the lists it was written from, whether
/// read from xlsx or from CSV files with the letter prefixes dropped.
#[test]
fn a_councils_workbook_summarises_like_sightlines_own_lists() {
    let mut cfg = synth::Config::new(8_000, 7, d(R));
    cfg.error_rate = 0.0;
    let g = synth::generate(&cfg, &|_, _| {});
    let a = annex_a::derive(&g.model, d(R), &Default::default());
    let opts = Options {
        population: Some(8_000),
        ..Default::default()
    };
    let want = summarise(&a, &opts);
    assert!(fig(&want, "assessments-completed").rows.len() > 50);
    assert!(fig(&want, "cla-open").rows.len() > 10);
    let wb = annex_a::read_xlsx("a.xlsx", &annex_a::write_xlsx(&a).unwrap()).unwrap();
    assert_eq!(summarise(&annex_a::to_annex_a(&wb, d(R)), &opts), want);
    let csv: Vec<(String, Vec<u8>)> = annex_a::write_csv(&a)
        .into_iter()
        .map(|f| {
            let text = String::from_utf8(f.bytes).unwrap();
            // "b) Female" -> "Female": the variant councils most often use.
            let bare = regex_lite_strip(&text);
            (f.name, bare.into_bytes())
        })
        .collect();
    let wb = annex_a::read_csv_files(&csv).unwrap();
    assert_eq!(summarise(&annex_a::to_annex_a(&wb, d(R)), &opts), want);
}

/// Drops a leading "x) " from every field.
fn regex_lite_strip(csv: &str) -> String {
    let mut out = String::new();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let mut w = csv::Writer::from_writer(Vec::new());
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let fields: Vec<String> = rec
            .iter()
            .map(|f| match f.split_once(") ") {
                Some((p, rest)) if p.len() == 1 => rest.to_string(),
                _ => f.to_string(),
            })
            .collect();
        w.write_record(&fields).unwrap();
    }
    out.push_str(&String::from_utf8(w.into_inner().unwrap()).unwrap());
    out
}

#[test]
fn every_html_link_leads_to_the_children_counted() {
    let mut cfg = synth::Config::new(3_000, 7, d(R));
    cfg.error_rate = 0.0;
    let g = synth::generate(&cfg, &|_, _| {});
    let a = annex_a::derive(&g.model, d(R), &Default::default());
    let s = summarise(&a, &Options::default());
    let dir = tempfile::tempdir().unwrap();
    let pages = annex_a::write_summary_html(&a, &s, "Test <LA>", dir.path()).unwrap();
    assert_eq!(pages.len(), s.figures.len() + 1);
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains("Test &lt;LA&gt;"));
    let mut links = 0;
    for part in index.split("href=\"").skip(1) {
        let target = part.split('"').next().unwrap();
        let file = target.split('#').next().unwrap();
        assert!(dir.path().join(file).exists(), "{target}");
        links += 1;
    }
    assert!(links >= s.figures.len() * 2, "{links} links");
    for f in &s.figures {
        let page =
            std::fs::read_to_string(dir.path().join(format!("children/{}.html", f.id))).unwrap();
        assert_eq!(
            page.matches("<tr data-gender").count(),
            f.rows.len(),
            "{}",
            f.id
        );
    }
    let xlsx = dir.path().join("s.xlsx");
    annex_a::write_summary_xlsx(&a, &s, &xlsx).unwrap();
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 5_000);
}
