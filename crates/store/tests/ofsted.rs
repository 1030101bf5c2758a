//! Ofsted in the store: imported files kept and the register parsed again from them, imports
//! all or nothing, and the improvement plan round trip. The files are small ones in the
//! public layouts, built here (a synthetic inspector name; inspection data are public).

#[macro_use]
mod common;

use common::Backend;
use ofsted::plan::{FindingKind, Rag, Status};
use ofsted::{Grade, Judgement};
use store::ofsted::{ActionUpdate, NewAction, NewFinding};
use store::{Store, StoreError};

on_both_backends!(
    register_round_trip,
    a_bad_file_leaves_the_register_as_it_was,
    plan_round_trip
);

const LOOKUP: &str = "\u{feff}urn,la_code,la_code_new,stat_neighbours,local_authority_ons_name,region_code,region_name
80543,372,E08000018,\"370, 892\",Rotherham,YH,Yorkshire and the Humber
80426,370,E08000016,\"372, 892\",Barnsley,YH,Yorkshire and the Humber
80533,892,E06000018,\"372, 370\",Nottingham,EM,East Midlands
";

const HISTORY: &str = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version
80543,rotherham,x,a.pdf,16/12/25,short,Sam Example,03/11/2025,07/11/2025,outstanding,outstanding,outstanding,outstanding,good,1
80543,rotherham,x,b.pdf,12/08/22,short,Sam Example,27/06/2022,01/07/2022,good,good,good,good,inspection_pre_dates_judgement,1
80533,nottingham,x,c.pdf,05/09/22,,,,,inadequate,requires improvement,inadequate,requires improvement,inadequate,1
";

fn files(history: &str) -> Vec<(String, Vec<u8>)> {
    vec![
        (
            "in/Provider_data_lookup.csv".into(),
            LOOKUP.as_bytes().to_vec(),
        ),
        ("in/history.csv".into(), history.as_bytes().to_vec()),
    ]
}

async fn register_round_trip(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    assert!(store.ofsted_register().await.unwrap().las.is_empty());
    let (summary, reg) = store.import_ofsted(&files(HISTORY)).await.unwrap();
    assert_eq!(summary.len(), 2);
    assert_eq!(summary[1].rows, 3);
    let again = store.ofsted_register().await.unwrap();
    assert_eq!(again, reg);
    let rot = again.history("372");
    assert_eq!(rot.len(), 2);
    assert_eq!(rot[1].grade(Judgement::Overall), Some(Grade::Outstanding));
    // Nottingham 2022: the known errors corrected on the way in.
    let n = again.current("892").unwrap();
    assert_eq!(n.grade(Judgement::CareLeavers), None);
    assert_eq!(
        n.grade(Judgement::InCareAndCareLeavers),
        Some(Grade::RequiresImprovement)
    );
    assert!(again
        .notes
        .iter()
        .any(|n| n.what.contains("inspection dates set to")));
    let names: Vec<String> = store
        .ofsted_files()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["Provider_data_lookup.csv", "history.csv"]);
    // A report read in joins the register.
    let letter = "3 March 2020\nDear Director\nFocused visit to Rotherham Metropolitan Borough Council children’s services\nThis letter summarises the findings of the focused visit to Rotherham children’s services on 4 and 5 February 2020.\nWhat needs to improve in this area\n◼ The timeliness of reviews.\nYours sincerely\nSam Example\n";
    let r = ofsted::report::read_text("fv.txt", letter).unwrap();
    let (_, reg) = store.add_ofsted_report("fv.txt", &r).await.unwrap();
    let rot = reg.history("372");
    assert_eq!(rot.len(), 3);
    assert_eq!(rot[0].framework, ofsted::Framework::FocusedVisit);
    assert_eq!(rot[0].improvements.len(), 1);
    assert_eq!(store.ofsted_register().await.unwrap(), reg);
}

async fn a_bad_file_leaves_the_register_as_it_was(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    store.import_ofsted(&files(HISTORY)).await.unwrap();
    let before = store.ofsted_register().await.unwrap();
    let bad = HISTORY.replace(
        "outstanding,outstanding,outstanding,outstanding,good",
        "outstanding,superb,outstanding,outstanding,good",
    );
    let e = store.import_ofsted(&files(&bad)).await.unwrap_err();
    assert!(matches!(e, StoreError::Ofsted(_)), "{e}");
    assert_eq!(
        e.to_string(),
        "history.csv, row 2, column impact_of_leaders_grade: \"superb\" is not a grade (outstanding, good, requires improvement, inadequate) or a scraper marker"
    );
    assert_eq!(store.ofsted_register().await.unwrap(), before);
}

async fn plan_round_trip(b: &Backend) {
    let store = Store::open(&b.url).await.unwrap();
    assert_eq!(store.plan(None).await.unwrap(), Default::default());
    let f = store
        .add_findings(&[
            NewFinding {
                la_code: "372",
                kind: FindingKind::Improvement,
                text: "The level of ambition for individual care leavers.",
                tag: Some("Outcome 4, national framework"),
                source: "ILACS short 2022-06-27",
            },
            NewFinding {
                la_code: "892",
                kind: FindingKind::PriorityAction,
                text: "Management oversight of neglect.",
                tag: None,
                source: "typed in",
            },
        ])
        .await
        .unwrap();
    assert_eq!((f[0].id, f[1].id), (1, 2));
    let ids = vec!["rereferrals_12m".to_string()];
    let a = store
        .add_action(&NewAction {
            finding_id: 1,
            description: "Pathway plan audit",
            owner: "Head of service, care leavers",
            due: "2026-05-01".parse().unwrap(),
            status: Status::InProgress,
            rag_override: None,
            indicators: &ids,
        })
        .await
        .unwrap();
    store
        .add_action(&NewAction {
            finding_id: 2,
            description: "Neglect toolkit training",
            owner: "Principal social worker",
            due: "2026-09-01".parse().unwrap(),
            status: Status::NotStarted,
            rag_override: Some(Rag::Green),
            indicators: &[],
        })
        .await
        .unwrap();
    store
        .update_action(
            a.id,
            &ActionUpdate {
                status: Some(Status::Blocked),
                evidence: Some((
                    "Audit of 20 plans, 14 good",
                    Some("https://example.invalid/audit"),
                )),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    store
        .update_action(
            a.id,
            &ActionUpdate {
                evidence: Some(("Re-audit booked", None)),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let plan = store.plan(None).await.unwrap();
    assert_eq!(plan.findings.len(), 2);
    assert_eq!(
        plan.findings[0].tag.as_deref(),
        Some("Outcome 4, national framework")
    );
    assert_eq!(plan.findings[1].kind, FindingKind::PriorityAction);
    let a1 = &plan.actions[0];
    assert_eq!(a1.status, Status::Blocked);
    assert_eq!(a1.indicators, ids);
    assert_eq!(a1.evidence.len(), 2);
    assert_eq!(
        a1.evidence[0].link.as_deref(),
        Some("https://example.invalid/audit")
    );
    assert_eq!(a1.evidence[1].note, "Re-audit booked");
    let today = "2026-06-01".parse().unwrap();
    assert!(a1.overdue(today));
    assert_eq!(a1.rag(today, false), Rag::Red);
    assert_eq!(plan.actions[1].rag(today, false), Rag::Green, "set by hand");
    // One LA's plan only.
    let n = store.plan(Some("892")).await.unwrap();
    assert_eq!((n.findings.len(), n.actions.len()), (1, 1));
    // Refused: an unknown finding, an unknown indicator; nothing written.
    let bad = store
        .add_action(&NewAction {
            finding_id: 9,
            description: "x",
            owner: "y",
            due: today,
            status: Status::NotStarted,
            rag_override: None,
            indicators: &[],
        })
        .await
        .unwrap_err();
    assert_eq!(bad.to_string(), "no finding 9 in the plan");
    let bad = store
        .update_action(
            1,
            &ActionUpdate {
                indicators: Some(&["nope".to_string()]),
                ..Default::default()
            },
        )
        .await
        .unwrap_err();
    assert!(
        bad.to_string()
            .starts_with("\"nope\" is not an indicator id"),
        "{bad}"
    );
    assert_eq!(store.plan(None).await.unwrap(), plan);
    assert!(store
        .update_action(99, &ActionUpdate::default())
        .await
        .is_err());
}
