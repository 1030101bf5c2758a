//! Fuzzing the CIN census reader and rule packs: arbitrary bytes, and census XML built from
//! the values rules look for (dates around the census years, codes, shared child IDs, UPNs
//! with and without valid check letters), every element present or not, then mutated byte by
//! byte, go through the XML reader and, when it reads, through every year pack (2022-23 to
//! 2026-27). No input may panic and no rule may fail.
//!
//! The default case count keeps this to a few seconds; `FUZZCIN_CASES=100000` runs more.
//! Each test prints how many inputs it ran (executions), the pack runs they made, and the time.

mod common;

use common::{cases, fuzz};
use proptest::prelude::*;
use std::path::Path;
use validate::cin::{self, report, Ctx};
use validate::engine::YEARS;

/// Census dates (yyyy-mm-dd) around the years, their edges, leap days, weekends and bank
/// holidays, and values that are not quite dates.
const DATES: &[&str] = &[
    "2022-04-01",
    "2023-03-31",
    "2024-02-29",
    "2024-03-31",
    "2024-12-25",
    "2025-03-31",
    "2025-04-01",
    "2025-04-18",
    "2025-05-05",
    "2025-06-14",
    "2025-09-01",
    "2026-01-01",
    "2026-03-02",
    "2026-03-28",
    "2026-03-31",
    "2026-04-01",
    "2027-03-31",
    "2010-07-14",
    "2019-01-01",
    "1900-01-01",
    "9999-12-31",
    "2025-02-29",
    "2025-13-01",
    "31/03/2026",
    "2026-03-31T00:00:00",
    "",
];

#[rustfmt::skip]
const CODES: &[&str] = &[
    "", "0", "1", "2", "3", "5", "9", "10", "-1", "1.5", "true", "false", "M", "F", "U", "a",
    "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9", "NX", "RC1", "RC2", "RC3", "RC4",
    "RC5", "RC6", "RC7", "RC8", "RC9", "RC10", "1A", "1B", "1C", "2A", "2B", "3A", "4A", "5A",
    "6A", "8B", "21", "22A", "24A", "PHY", "EMO", "SAB", "NEG", "MUL", "NONE", "MOB", "HAND",
    "PC", "INC", "BEH", "WBRI", "WIRI", "MWBC", "NOBT", "REFU", "XXXX", "UN1", "UN2", "UN3",
    "UN4", "UN5", "UN6", "UN7", "UN8", "UN9", "UN10",
];

/// UPNs: valid check letters, wrong ones, wrong lengths, temporary and blank.
const UPNS: &[&str] = &[
    "",
    "A999000011001",
    "H801200001001",
    "A801200001001",
    "B80120000100",
    "X80120000100A",
    "A99900001100A",
    "12345",
    "A999000011001 ",
];

/// Few IDs, so children and episodes meet.
const CHILDREN: &[&str] = &["1", "2", "SYN1", "", " 1"];

fn date() -> BoxedStrategy<Option<&'static str>> {
    prop::option::weighted(0.8, prop::sample::select(DATES)).boxed()
}

fn code() -> BoxedStrategy<Option<&'static str>> {
    prop::option::weighted(0.8, prop::sample::select(CODES)).boxed()
}

/// `<Name>value</Name>` for each present value (an absent one leaves the element out).
fn elements(out: &mut String, fields: &[(&str, Option<&str>)]) {
    for (name, value) in fields {
        if let Some(v) = value {
            out.push_str(&format!("<{name}>{}</{name}>", escape(v)));
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

type Values = Vec<Option<&'static str>>;

#[derive(Debug, Clone)]
struct Episode {
    details: Values,
    assessments: Vec<(Values, Vec<&'static str>)>,
    plans: Vec<Values>,
    s47s: Vec<Values>,
    cpps: Vec<(Values, Vec<Option<&'static str>>)>,
}

#[derive(Debug, Clone)]
struct Child {
    ids: Values,
    ethnicity: Option<&'static str>,
    disabilities: Vec<&'static str>,
    episodes: Vec<Episode>,
}

fn values(kinds: &'static [u8]) -> impl Strategy<Value = Values> {
    // 'd' a date, 'c' a code, 'u' a UPN, 'i' a child ID.
    kinds
        .iter()
        .map(|k| match k {
            b'd' => date(),
            b'u' => prop::option::weighted(0.8, prop::sample::select(UPNS)).boxed(),
            b'i' => prop::option::weighted(0.95, prop::sample::select(CHILDREN)).boxed(),
            _ => code(),
        })
        .collect::<Vec<_>>()
}

const DETAILS: &[&str] = &[
    "CINreferralDate",
    "ReferralSource",
    "PrimaryNeedCode",
    "CINclosureDate",
    "ReasonForClosure",
    "DateOfInitialCPC",
    "ReferralNFA",
];
const ASSESSMENT: &[&str] = &[
    "AssessmentActualStartDate",
    "AssessmentInternalReviewDate",
    "AssessmentAuthorisationDate",
];
const PLAN: &[&str] = &["CINPlanStartDate", "CINPlanEndDate"];
const S47: &[&str] = &[
    "S47ActualStartDate",
    "InitialCPCtarget",
    "DateOfInitialCPC",
    "ICPCnotRequired",
];
const CPP: &[&str] = &[
    "CPPstartDate",
    "CPPendDate",
    "InitialCategoryOfAbuse",
    "LatestCategoryOfAbuse",
    "NumberOfPreviousCPP",
];
const IDS: &[&str] = &[
    "LAchildID",
    "UPN",
    "FormerUPN",
    "UPNunknown",
    "PersonBirthDate",
    "ExpectedPersonBirthDate",
    "GenderCurrent",
    "Sex",
    "PersonDeathDate",
];

fn episode() -> impl Strategy<Value = Episode> {
    (
        values(b"dccdcdc"),
        prop::collection::vec(
            (
                values(b"ddd"),
                prop::collection::vec(prop::sample::select(CODES), 0..3),
            ),
            0..3,
        ),
        prop::collection::vec(values(b"dd"), 0..2),
        prop::collection::vec(values(b"dddc"), 0..2),
        prop::collection::vec(
            (values(b"ddccc"), prop::collection::vec(date(), 0..3)),
            0..2,
        ),
    )
        .prop_map(|(details, assessments, plans, s47s, cpps)| Episode {
            details,
            assessments,
            plans,
            s47s,
            cpps,
        })
}

fn child() -> impl Strategy<Value = Child> {
    (
        values(b"iuucddccd"),
        code(),
        prop::collection::vec(prop::sample::select(CODES), 0..3),
        prop::collection::vec(episode(), 0..3),
    )
        .prop_map(|(ids, ethnicity, disabilities, episodes)| Child {
            ids,
            ethnicity,
            disabilities,
            episodes,
        })
}

fn census() -> impl Strategy<Value = (Option<&'static str>, Option<&'static str>, Vec<Child>)> {
    (
        prop::option::weighted(
            0.9,
            prop::sample::select(&["2024", "2025", "2026", "2027", "x"][..]),
        ),
        prop::option::weighted(0.9, prop::sample::select(DATES)),
        prop::collection::vec(child(), 0..6),
    )
}

fn named<'a>(names: &[&'a str], values: &[Option<&'a str>]) -> Vec<(&'a str, Option<&'a str>)> {
    names.iter().copied().zip(values.iter().copied()).collect()
}

fn to_xml((year, reference, children): &(Option<&str>, Option<&str>, Vec<Child>)) -> String {
    let mut x = String::from("<Message><Header><CollectionDetails><Collection>CIN</Collection>");
    elements(&mut x, &[("Year", *year), ("ReferenceDate", *reference)]);
    x.push_str("</CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>999</LEA></Source>");
    x.push_str("</Header><Children>");
    for c in children {
        x.push_str("<Child><ChildIdentifiers>");
        elements(&mut x, &named(IDS, &c.ids));
        x.push_str("</ChildIdentifiers><ChildCharacteristics>");
        elements(&mut x, &[("Ethnicity", c.ethnicity)]);
        if !c.disabilities.is_empty() {
            x.push_str("<Disabilities>");
            for d in &c.disabilities {
                elements(&mut x, &[("Disability", Some(*d))]);
            }
            x.push_str("</Disabilities>");
        }
        x.push_str("</ChildCharacteristics>");
        for e in &c.episodes {
            x.push_str("<CINdetails>");
            elements(&mut x, &named(DETAILS, &e.details));
            for (a, factors) in &e.assessments {
                x.push_str("<Assessments>");
                elements(&mut x, &named(ASSESSMENT, a));
                x.push_str("<FactorsIdentifiedAtAssessment>");
                for f in factors {
                    elements(&mut x, &[("AssessmentFactors", Some(*f))]);
                }
                x.push_str("</FactorsIdentifiedAtAssessment></Assessments>");
            }
            for p in &e.plans {
                x.push_str("<CINPlanDates>");
                elements(&mut x, &named(PLAN, p));
                x.push_str("</CINPlanDates>");
            }
            for s in &e.s47s {
                x.push_str("<Section47>");
                elements(&mut x, &named(S47, s));
                x.push_str("</Section47>");
            }
            for (p, reviews) in &e.cpps {
                x.push_str("<ChildProtectionPlans>");
                elements(&mut x, &named(CPP, p));
                for r in reviews {
                    x.push_str("<Reviews>");
                    elements(&mut x, &[("CPPreviewDate", *r)]);
                    x.push_str("</Reviews>");
                }
                x.push_str("</ChildProtectionPlans>");
            }
            x.push_str("</CINdetails>");
        }
        x.push_str("</Child>");
    }
    x.push_str("</Children></Message>");
    x
}

/// Overwrites, inserts or deletes bytes at pseudo-random places (kept on char boundaries).
fn mutate(text: &str, edits: &[(u16, u8, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(at, op, v) in edits {
        if bytes.is_empty() {
            break;
        }
        let i = at as usize % bytes.len();
        match op % 3 {
            0 => bytes[i] = v,
            1 => bytes.insert(i, v),
            _ => {
                bytes.remove(i);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Runs every year's pack over the census; no rule may fail.
fn run_packs(tables: &cin::Tables) {
    for year in YEARS {
        for la in [None, Some("999")] {
            let cx = Ctx::new(tables, year, la);
            let r = report::validate(&cx);
            common::pack_ran();
            assert!(r.failed.is_empty(), "{year}: rules failed: {:?}", r.failed);
            // The report's writers walk every issue back to its row.
            r.write_child_summary_csv(&cx, std::io::sink()).unwrap();
            r.write_issues_csv(std::io::sink()).unwrap();
        }
    }
}

fn edit() -> impl Strategy<Value = (u16, u8, u8)> {
    any::<(u16, u8, u8)>()
}

/// Generated censuses, possibly mutated byte by byte, read and run.
#[test]
fn censuses_never_fail_a_rule() {
    let strategy = (census(), prop::collection::vec(edit(), 0..4), any::<bool>());
    fuzz(
        "census",
        cases("FUZZCIN_CASES"),
        strategy,
        |(census, edits, mutate_it)| {
            let mut xml = to_xml(&census);
            if mutate_it {
                xml = mutate(&xml, &edits);
            }
            // A mutation may break the document: a typed error, never a panic.
            if let Ok(tables) = cin::read_xml_str(Path::new("fuzz.xml"), &xml) {
                run_packs(&tables);
            }
        },
    );
}

/// Any bytes at all: the reader returns tables or a typed error, never panics.
#[test]
fn reader_takes_any_bytes() {
    let strategy = prop::collection::vec(any::<u8>(), 0..400);
    fuzz("bytes", cases("FUZZCIN_CASES"), strategy, |bytes| {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(tables) = cin::read_xml_str(Path::new("any.xml"), &text) {
            run_packs(&tables);
        }
        // Behind a valid start, so more of it is read.
        let text = format!("<Message><Children><Child>{text}</Child></Children></Message>");
        if let Ok(tables) = cin::read_xml_str(Path::new("any.xml"), &text) {
            run_packs(&tables);
        }
    });
}
