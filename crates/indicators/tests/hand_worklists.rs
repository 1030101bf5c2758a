//! Hand-built cases for the work lists: each expected due date is worked out in the comments
//! from the statutory timescale (the indicators' default parameters) and the calendar.
//! 31 March 2025, the date of every list here, is a Monday; Easter 2025 falls after it.

mod common;
use common::*;
use indicators::worklists::{at, Item, Kind, Status};
use indicators::{Params, Prepared};
use model::codes::{LegalStatus as Ls, MissingType, PlacementType as Pl, ReasonNewEpisode as Rne};
use model::tables::PersonId;

const AS_AT: &str = "2025-03-31";

fn list(f: &Fixture, soon_days: i64) -> Vec<Item> {
    let model = f.model(AS_AT);
    let p = Prepared::new(&model);
    at(&p, &Params::default(), d(AS_AT), soon_days)
}

/// The items of `kind` for child `c`, as (status, due).
fn of(items: &[Item], f: &Fixture, c: &PersonId, kind: Kind) -> Vec<(Status, Option<String>)> {
    let ix =
        f.t.people
            .iter()
            .position(|p| &p.pers_person_id == c)
            .expect("a child of the fixture") as u32;
    items
        .iter()
        .filter(|i| i.child == ix && i.kind == kind)
        .map(|i| (i.status, i.due.map(|d| d.to_string())))
        .collect()
}

#[test]
fn cp_visits_run_ten_working_days_from_the_last_seen_visit() {
    let mut f = Fixture::new();
    // Seen on Monday 10 March: due ten working days on, Monday 24 March — overdue. The unseen
    // visit on 28 March does not stop the clock.
    let a = f.child("2015-01-01");
    let r = f.referral(&a, "2025-02-01", None);
    let p = f.cp_plan(&a, &r, "2025-03-01", None);
    f.cp_visit(&a, &p, "2025-03-10", true);
    f.cp_visit(&a, &p, "2025-03-28", false);
    f.allocate(&a, "W1", "2025-02-01", None);
    // Seen on Friday 21 March: due Friday 4 April, within the week — due soon.
    let b = f.child("2015-01-01");
    let r = f.referral(&b, "2025-02-01", None);
    let p = f.cp_plan(&b, &r, "2025-03-01", None);
    f.cp_visit(&b, &p, "2025-03-21", true);
    // Seen on Friday 28 March: due 11 April, beyond the week — not listed.
    let c = f.child("2015-01-01");
    let r = f.referral(&c, "2025-02-01", None);
    let p = f.cp_plan(&c, &r, "2025-03-01", None);
    f.cp_visit(&c, &p, "2025-03-28", true);
    // A plan that ended before the date needs no visit.
    let e = f.child("2015-01-01");
    let r = f.referral(&e, "2024-02-01", Some("2025-01-31"));
    f.cp_plan(&e, &r, "2024-03-01", Some("2025-01-31"));

    let items = list(&f, 7);
    assert_eq!(
        of(&items, &f, &a, Kind::CpVisit),
        [(Status::Overdue, Some("2025-03-24".into()))]
    );
    let item = items
        .iter()
        .find(|i| i.kind == Kind::CpVisit && i.status == Status::Overdue)
        .unwrap();
    assert_eq!(
        (item.team, item.worker, item.days_overdue),
        (Some(0), Some(0), 7)
    );
    assert_eq!(
        of(&items, &f, &b, Kind::CpVisit),
        [(Status::DueSoon, Some("2025-04-04".into()))]
    );
    assert!(of(&items, &f, &c, Kind::CpVisit).is_empty());
    assert!(of(&items, &f, &e, Kind::CpVisit).is_empty());
    // A fortnight's window reaches 11 April.
    assert_eq!(
        of(&list(&f, 14), &f, &c, Kind::CpVisit),
        [(Status::DueSoon, Some("2025-04-11".into()))]
    );
}

#[test]
fn assessments_and_icpcs_count_working_days() {
    let mut f = Fixture::new();
    // Started Monday 20 January: 45 working days (nine whole weeks, no bank holiday) end on
    // Monday 24 March — overdue.
    let a = f.child("2018-01-01");
    let r = f.referral(&a, "2025-01-17", None);
    f.assessment(&a, &r, "2025-01-20", None);
    // Authorised before the date: nothing due.
    f.assessment(&a, &r, "2025-01-20", Some("2025-03-30"));
    // Strategy discussion Monday 10 March: the ICPC is due 15 working days on, 31 March —
    // due today, so due soon rather than overdue.
    let b = f.child("2018-01-01");
    let r = f.referral(&b, "2025-03-01", None);
    f.s47(&b, &r, "2025-03-10");
    // An enquiry whose ICPC has been held needs nothing.
    let c = f.child("2018-01-01");
    let r = f.referral(&c, "2025-03-01", None);
    let s = f.s47(&c, &r, "2025-03-05");
    f.icpc(&c, &r, Some(&s), "2025-03-25", false);

    let items = list(&f, 7);
    assert_eq!(
        of(&items, &f, &a, Kind::Assessment),
        [(Status::Overdue, Some("2025-03-24".into()))]
    );
    assert_eq!(
        of(&items, &f, &b, Kind::Icpc),
        [(Status::DueSoon, Some("2025-03-31".into()))]
    );
    assert!(of(&items, &f, &c, Kind::Icpc).is_empty());
}

#[test]
fn looked_after_children_need_visits_reviews_and_health_assessments() {
    let mut f = Fixture::new();
    // Entered care Monday 6 January 2025. Last visit 10 February: due 42 days on, 24 March.
    // No review held: the first was due 20 working days after entry, 3 February. No health
    // assessment: also due 20 working days after entry.
    let a = f.child("2012-06-01");
    let period = f.care(&a, &[("2025-01-06", Rne::S, Pl::U4, Ls::C2)], None);
    f.cla_visit(&a, &period, "2025-01-10", true);
    f.cla_visit(&a, &period, "2025-02-10", true);
    f.allocate(&a, "W2", "2025-01-06", None);

    let items = list(&f, 7);
    assert_eq!(
        of(&items, &f, &a, Kind::ClaVisit),
        [(Status::Overdue, Some("2025-03-24".into()))]
    );
    assert_eq!(
        of(&items, &f, &a, Kind::ClaReview),
        [(Status::Overdue, Some("2025-02-03".into()))]
    );
    assert_eq!(
        of(&items, &f, &a, Kind::HealthAssessment),
        [(Status::Overdue, Some("2025-02-03".into()))]
    );
    assert!(of(&items, &f, &a, Kind::Unallocated).is_empty());

    // Reviews held on 3 February and 28 March: the third is due six months after the second,
    // 28 September, so nothing is listed; with only the first, the second was due three months
    // on, 3 May — not yet listed either.
    f.cla_review(&period, "2025-02-03", Some("2025-02-03"), false);
    assert!(of(&list(&f, 7), &f, &a, Kind::ClaReview).is_empty());
    f.cla_review(&period, "2025-05-03", Some("2025-03-28"), false);
    assert!(of(&list(&f, 7), &f, &a, Kind::ClaReview).is_empty());
    assert_eq!(
        of(&list(&f, 200), &f, &a, Kind::ClaReview),
        [(Status::DueSoon, Some("2025-09-28".into()))]
    );
}

#[test]
fn return_interviews_and_unallocated_children() {
    let mut f = Fixture::new();
    // Back on Saturday 29 March, no interview offered: due within 72 hours, 1 April.
    let a = f.child("2010-01-01");
    f.referral(&a, "2025-01-01", None);
    f.allocate(&a, "W1", "2025-01-01", None);
    f.missing(
        &a,
        MissingType::Missing,
        "2025-03-27",
        Some("2025-03-29"),
        Some(false),
        None,
    );
    // Offered: nothing due; back long ago: no longer listed.
    f.missing(
        &a,
        MissingType::Missing,
        "2025-03-20",
        Some("2025-03-21"),
        Some(true),
        None,
    );
    f.missing(
        &a,
        MissingType::Missing,
        "2024-12-01",
        Some("2024-12-02"),
        None,
        None,
    );
    // An open referral with no allocated worker.
    let b = f.child("2010-01-01");
    f.referral(&b, "2025-03-01", None);
    // A worker allocated until 1 March and none since.
    let c = f.child("2010-01-01");
    f.referral(&c, "2025-01-01", None);
    f.allocate(&c, "W3", "2025-01-01", Some("2025-03-01"));
    // A closed case needs no worker.
    let e = f.child("2010-01-01");
    f.referral(&e, "2024-01-01", Some("2024-06-01"));

    let items = list(&f, 7);
    assert_eq!(
        of(&items, &f, &a, Kind::ReturnInterview),
        [(Status::DueSoon, Some("2025-04-01".into()))]
    );
    assert!(of(&items, &f, &a, Kind::Unallocated).is_empty());
    assert_eq!(
        of(&items, &f, &b, Kind::Unallocated),
        [(Status::Overdue, None)]
    );
    assert_eq!(
        of(&items, &f, &c, Kind::Unallocated),
        [(Status::Overdue, None)]
    );
    assert!(of(&items, &f, &e, Kind::Unallocated).is_empty());
    // Overdue first, then due soon.
    let first_soon = items
        .iter()
        .position(|i| i.status == Status::DueSoon)
        .unwrap();
    assert!(items[first_soon..]
        .iter()
        .all(|i| i.status == Status::DueSoon));
}

#[test]
fn pathway_plans_are_reviewed_six_monthly_for_current_care_leavers() {
    use model::codes::{CareLeaverEligibility as Elig, InTouch};
    let mut f = Fixture::new();
    // In touch on 1 March; plan last reviewed 15 September: due six months on, 15 March.
    let a = f.child("2006-01-01");
    f.leaver_contact(
        &a,
        "2025-03-01",
        InTouch::Yes,
        Some(true),
        None,
        Elig::Relevant,
        Some("2024-09-15"),
    );
    // Reviewed 2 October: due 2 April, within the week.
    let b = f.child("2006-01-01");
    f.leaver_contact(
        &b,
        "2025-03-01",
        InTouch::Yes,
        Some(true),
        None,
        Elig::Relevant,
        Some("2024-10-02"),
    );
    // Last heard of over a year ago: not a current care leaver, nothing listed.
    let c = f.child("2004-01-01");
    f.leaver_contact(
        &c,
        "2023-12-01",
        InTouch::Yes,
        Some(true),
        None,
        Elig::Relevant,
        Some("2023-06-01"),
    );

    let items = list(&f, 7);
    assert_eq!(
        of(&items, &f, &a, Kind::PathwayPlan),
        [(Status::Overdue, Some("2025-03-15".into()))]
    );
    assert_eq!(
        of(&items, &f, &b, Kind::PathwayPlan),
        [(Status::DueSoon, Some("2025-04-02".into()))]
    );
    assert!(of(&items, &f, &c, Kind::PathwayPlan).is_empty());
    assert!(of(&items, &f, &c, Kind::Unallocated).is_empty());
}
