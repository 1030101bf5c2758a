//! The register built from every public file of `shared/data/ofsted/` (skipped with a message
//! when they are not on this machine). Expected histories are from spec §2 and the reports.

use std::path::PathBuf;

use ofsted::{Framework, Grade, Judgement, NoteKind, Register};

fn files() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ofsted");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: no Ofsted files at {}", dir.display());
        return None;
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| e.unwrap().path())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    Some(out)
}

fn overall_by_year(reg: &Register, la: &str) -> Vec<(i32, Option<Grade>)> {
    use chrono::Datelike;
    reg.history(la)
        .iter()
        .map(|i| (i.date().unwrap().year(), i.grade(Judgement::Overall)))
        .collect()
}

#[test]
fn every_file_imports_and_known_histories_hold() {
    let Some(files) = files() else { return };
    let (reg, summary) = Register::from_files(&files).unwrap();
    assert_eq!(summary.len(), 6);
    assert_eq!(reg.las.len(), 156, "153 councils and three abolished ones");
    use Grade::*;
    // Rotherham: Inadequate 2014 → Good 2018 (SIF re-inspection, fieldwork Nov 2017) → Good
    // 2022 → Outstanding 2025.
    assert_eq!(
        overall_by_year(&reg, "372"),
        [
            (2014, Some(Inadequate)),
            (2017, Some(Good)),
            (2022, Some(Good)),
            (2025, Some(Outstanding))
        ]
    );
    let rot = reg.history("372");
    assert_eq!(rot[0].framework, Framework::Sif);
    assert_eq!(rot[0].grade(Judgement::CareLeavers), Some(Inadequate));
    assert_eq!(rot[1].framework, Framework::SifReinspection);
    assert_eq!(rot[1].grade(Judgement::CareLeavers), Some(Outstanding));
    assert_eq!(rot[2].framework, Framework::IlacsShort);
    assert_eq!(rot[2].grade(Judgement::InCareAndCareLeavers), Some(Good));
    assert_eq!(rot[2].grade(Judgement::CareLeavers), None);
    assert_eq!(rot[2].lead_inspector.as_deref(), Some("Neil Penswick"));
    assert_eq!(rot[3].grade(Judgement::CareLeavers), Some(Good));
    assert_eq!(rot[3].grade(Judgement::InCare), Some(Outstanding));

    // Nottingham: RI 2014, RI 2019 (scraper error corrected), Inadequate 2022 with the
    // combined judgement RI (the scraped care-leavers "inadequate" dropped).
    assert_eq!(
        overall_by_year(&reg, "892"),
        [
            (2014, Some(RequiresImprovement)),
            (2018, Some(RequiresImprovement)),
            (2022, Some(Inadequate))
        ]
    );
    let n = reg.history("892");
    assert_eq!(
        n[1].grade(Judgement::HelpAndProtection),
        Some(RequiresImprovement)
    );
    assert_eq!(n[2].grade(Judgement::HelpAndProtection), Some(Inadequate));
    assert_eq!(
        n[2].grade(Judgement::InCareAndCareLeavers),
        Some(RequiresImprovement)
    );
    assert_eq!(n[2].grade(Judgement::CareLeavers), None);
    assert_eq!(n[2].start, Some("2022-07-11".parse().unwrap()));
    assert_eq!(n[2].framework, Framework::IlacsStandard);
    assert_eq!(
        n[0].grade(Judgement::Lscb),
        None,
        "the SIF file has no LSCB column"
    );

    // Post-reform inspections have no overall.
    let brent = reg.la("brent").unwrap();
    let b = reg.current(&brent.la_code).unwrap();
    assert_eq!(b.grade(Judgement::Overall), None);
    assert_eq!(b.era, Some(ofsted::Era::Ilacs2026));
    assert!(b.grade(Judgement::CareLeavers).is_some());

    // Doncaster's leaders Inadequate with overall RI (spec §1.3), kept as published.
    let don = reg.la("doncaster").unwrap();
    let d22 = reg
        .history(&don.la_code)
        .into_iter()
        .find(|i| i.published == Some("2022-04-08".parse().unwrap()))
        .unwrap();
    assert_eq!(d22.grade(Judgement::Leaders), Some(Inadequate));
    assert_eq!(d22.grade(Judgement::Overall), Some(RequiresImprovement));

    // The known errors are noted, never silently kept.
    let has = |kind: NoteKind, subject: &str, what: &str| {
        reg.notes
            .iter()
            .any(|n| n.kind == kind && n.subject.contains(subject) && n.what.contains(what))
    };
    assert!(has(
        NoteKind::Corrected,
        "Nottingham (892), published 2019-01-07",
        "Overall effectiveness set to"
    ));
    assert!(has(
        NoteKind::Corrected,
        "Nottingham (892), published 2022-09-05",
        "care leavers grade Inadequate dropped"
    ));
    assert!(has(
        NoteKind::Flagged,
        "(882), published 2019-08-27",
        "unread"
    ));
    assert!(has(
        NoteKind::Flagged,
        "(846), published 2024-05-16",
        "dates"
    ));
    assert!(has(
        NoteKind::Corrected,
        "(865), published 2019-07-22",
        "framework set to ILACS standard"
    ));
    assert!(has(NoteKind::Flagged, "Devon", "lead inspector blank"));
    assert!(has(
        NoteKind::Corrected,
        "(370)",
        "ons_code set to E08000038"
    ));
    assert!(has(
        NoteKind::Corrected,
        "Leeds (383)",
        "LA taken from la_code"
    ));
    // The nine documents that are not graded reports (2012 pages, 2013 looked-after
    // inspections, Surrey's 2015 LSCB review) are noted and left out.
    let left: Vec<_> = reg
        .notes
        .iter()
        .filter(|n| n.what == "document left out")
        .collect();
    assert_eq!(left.len(), 9, "{left:#?}");
    assert!(
        left.iter()
            .any(|n| n.subject == "surrey (URN 80567), published 2015-08-03"),
        "{left:#?}"
    );
    // Kingston upon Hull's SIF row (blank LA and date) is placed from its file name.
    let hull = reg.la("80477").unwrap();
    assert!(reg.history(&hull.la_code).iter().any(|i| i.published
        == Some("2015-02-10".parse().unwrap())
        && i.framework == Framework::Sif));

    // The national picture: 153 current LAs with an ILACS judgement.
    let dist = reg.distribution();
    let overall = dist[&Judgement::Overall];
    // Every LA with an inspection; the three abolished councils have none.
    assert_eq!(overall[..4].iter().sum::<usize>() + overall[4], 153);
    assert!(
        overall[4] >= 11,
        "post-reform and abolished LAs have no overall: {overall:?}"
    );

    // Rotherham's neighbours: ten, with grades.
    let c = reg.comparators("372");
    assert_eq!(c.neighbours.len(), 10);
    assert!(c.neighbours.iter().all(|(_, i)| i.is_some()));
    assert!(c.region.iter().any(|(l, _)| l.la_code == "372"));
}

#[test]
fn a_file_in_no_known_layout_is_refused() {
    let files = vec![("notes.csv".to_string(), b"a,b\n1,2\n".to_vec())];
    let e = Register::from_files(&files).unwrap_err().to_string();
    assert!(
        e.starts_with("notes.csv: not a layout Sightline knows"),
        "{e}"
    );
}

#[test]
fn a_bad_grade_names_its_cell() {
    let csv = "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version\n\
80543,rotherham,x,y,16/12/25,short,Catherine Heron,03/11/2025,07/11/2025,excellent,good,good,good,good,1\n";
    let e = Register::from_files(&[("h.csv", csv.as_bytes())])
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "h.csv, row 2, column overall_effectiveness_grade: \"excellent\" is not a grade (outstanding, good, requires improvement, inadequate) or a scraper marker"
    );
}
