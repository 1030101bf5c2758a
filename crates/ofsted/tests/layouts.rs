//! The reader on texts built here in the published layouts (spec §1.6) that the shared
//! reports lack: the post-April-2026 ILACS report (no overall, national framework tags) and
//! focused and monitoring visit letters. Names and narrative are invented.

use ofsted::report::read_text;
use ofsted::{Era, Framework, Grade, Judgement};

const ILACS_2026: &str = "\
Inspection of Brent local authority
children’s services
Inspection dates: 27 April to 1 May 2026
Lead inspector: Sam Example, His Majesty’s Inspector
Judgement Grade
The impact of leaders on social work
practice with children and families
Good
The experiences and progress of
children who need help and protection
Requires improvement to be good
The experiences and progress of
children in care
Good
The experiences and progress of care
leavers
Outstanding
Leaders have strengthened practice since the last inspection in 2023. Most children
receive help that is timely and proportionate to their needs.

Inspection of Brent local authority children’s services
27 April to 1 May 2026 2
What needs to improve?1
◼ The timeliness of initial child protection conferences (Outcome 3, national
framework).
◼ The quality of return home interviews for children who go missing.
◼ Workforce stability in the assessment teams (enabler: workforce is equipped
and effective, national framework).
The experiences and progress of children who need help and
protection: requires improvement to be good
1. Children and families are supported well by early help services.
The experiences and progress of children in care: good
2. Children come into care when they need to.
";

#[test]
fn post_reform_report_has_no_overall_and_keeps_tags() {
    let r = read_text("brent.txt", ILACS_2026).unwrap();
    assert_eq!(r.la_name, "Brent");
    assert_eq!(r.era, Some(Era::Ilacs2026));
    assert_eq!(r.activity, Framework::IlacsShort);
    assert_eq!(r.lead_inspector.as_deref(), Some("Sam Example"));
    assert_eq!(r.grades.get(&Judgement::Overall), None);
    assert_eq!(
        r.grades[&Judgement::HelpAndProtection],
        Grade::RequiresImprovement
    );
    assert_eq!(r.grades[&Judgement::CareLeavers], Grade::Outstanding);
    assert_eq!(r.grades.len(), 4);
    assert_eq!(r.improvements.len(), 3);
    assert_eq!(
        r.improvements[0].text,
        "The timeliness of initial child protection conferences"
    );
    assert_eq!(
        r.improvements[0].tag.as_deref(),
        Some("Outcome 3, national framework")
    );
    assert_eq!(r.improvements[1].tag, None);
    assert_eq!(
        r.improvements[2].tag.as_deref(),
        Some("enabler: workforce is equipped and effective, national framework")
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn a_heading_that_disagrees_with_the_table_is_a_warning() {
    let text = ILACS_2026.replace(
        "protection: requires improvement to be good",
        "protection: good",
    );
    let r = read_text("brent.txt", &text).unwrap();
    assert_eq!(
        r.grades[&Judgement::HelpAndProtection],
        Grade::RequiresImprovement
    );
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
}

#[test]
fn a_broken_judgement_table_is_an_error_not_a_guess() {
    let text = ILACS_2026.replace("children in care\nGood\n", "children in care\n");
    let e = read_text("brent.txt", &text).unwrap_err().to_string();
    assert!(
        e.contains("judgement table could not be read in full"),
        "{e}"
    );
    let e = read_text(
        "minutes.txt",
        "Minutes of the scrutiny committee\nItem 1: apologies\n",
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("minutes.txt: not an Ofsted report or letter Sightline can read"),
        "{e}"
    );
    assert!(read_text("empty.txt", "\n \n").is_err());
}

const FOCUSED: &str = "\
Ofsted
Piccadilly Gate
Store Street
Manchester
M1 2WD
T 0300 123 1231
www.gov.uk/ofsted
3 March 2020
Ms Alex Director
Director of Children’s Services
Nottingham City Council
Dear Ms Director
Focused visit to Nottingham City Council children’s services
This letter summarises the findings of the focused visit to Nottingham City Council
children’s services on 4 and 5 February 2020. Her Majesty’s Inspectors for this visit
were Sam Example and Jo Sample.
Areas covered by the visit
Inspectors evaluated the arrangements for children in need and children subject to a
child protection plan, including children living with neglect.
Headline findings
Too many children wait too long for help.
Areas for priority action
◼ The quality and impact of management oversight and supervision, so that plans
progress without delay.
◼ The response to children living with neglect, including the use of the neglect
toolkit.
What needs to improve in this area
◼ The timeliness of child in need reviews.
◼ The quality of assessments and plans (Outcome 2, national framework).
◼ Recording of children’s wishes and feelings.
Main findings
1. Children receive a timely response at the front door.
Ofsted will take the findings from this focused visit into account when planning your next inspection or visit.
Yours sincerely
Sam Example
Her Majesty’s Inspector
";

#[test]
fn focused_visit_letter() {
    let r = read_text("fv.txt", FOCUSED).unwrap();
    assert_eq!(r.activity, Framework::FocusedVisit);
    assert_eq!(r.la_name, "Nottingham City Council");
    assert_eq!(r.published, Some("2020-03-03".parse().unwrap()));
    assert_eq!(r.start, Some("2020-02-04".parse().unwrap()));
    assert_eq!(r.end, Some("2020-02-05".parse().unwrap()));
    assert_eq!(r.lead_inspector.as_deref(), Some("Sam Example"));
    assert_eq!(r.team, ["Sam Example", "Jo Sample"]);
    assert!(r.grades.is_empty());
    assert_eq!(r.priority_actions.len(), 2);
    assert!(r.priority_actions[1]
        .text
        .ends_with("use of the neglect toolkit."));
    assert_eq!(r.improvements.len(), 3);
    assert_eq!(
        r.improvements[1].tag.as_deref(),
        Some("Outcome 2, national framework")
    );
}

#[test]
fn monitoring_visit_letter() {
    let text = FOCUSED
        .replace("Focused visit to", "Monitoring visit to")
        .replace("the focused visit to", "the monitoring visit to")
        .replace("on 4 and 5 February 2020.", "on 28 February and 1 March 2023. This visit was the first monitoring visit since the local authority was judged inadequate.")
        .replace("Areas for priority action\n", "")
        .replace("What needs to improve in this area\n", "Findings and progress\n");
    let r = read_text("mv.txt", &text).unwrap();
    assert_eq!(r.activity, Framework::MonitoringVisit);
    assert_eq!(r.start, Some("2023-02-28".parse().unwrap()));
    assert_eq!(r.end, Some("2023-03-01".parse().unwrap()));
    assert!(r.priority_actions.is_empty());
    assert!(r.improvements.is_empty());
}
