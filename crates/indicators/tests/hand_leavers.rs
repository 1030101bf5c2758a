//! Hand-built cases for the care leaver indicators (OC3-style measures at the 17th–21st
//! birthdays, spec §5.4) and pathway plan reviews: each test's expected numerator and
//! denominator are worked out in its comments from the catalogue definition.
//!
//! The as-at date is 31 March 2025: birthdays from 1 April 2024 to 31 March 2025 count, and
//! a contact counts from 92 days before the birthday to 31 days after it (and not after the
//! as-at date).

mod common;
use common::*;

use indicators::Params;
use model::codes::{
    CareLeaverActivity as Act, CareLeaverEligibility as Elig, InTouch, LegalStatus as Ls,
    PlacementType as Pl, ReasonEpisodeCeased as Rec, ReasonNewEpisode as Rne,
};
use model::tables::PersonId;

const AS_AT: &str = "2025-03-31";

/// A care leaver contact with no pathway plan review (the OC3 measures do not read it).
fn contact(
    f: &mut Fixture,
    c: &PersonId,
    date: &str,
    in_touch: InTouch,
    suitable: Option<bool>,
    activity: Option<Act>,
) {
    f.leaver_contact(
        c,
        date,
        in_touch,
        suitable,
        activity,
        Elig::FormerRelevant,
        None,
    );
}

/// A period of care from 2015 ending on `left`.
fn left_care(f: &mut Fixture, c: &PersonId, left: &str) {
    f.care(
        c,
        &[("2015-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some((left, Rec::E5)),
    );
}

/// One fixture for the six OC3-style measures: the 17–18 and 19–21 cohorts side by side, so
/// each child is also checked not to appear in the other band.
fn oc3_fixture() -> Fixture {
    let mut f = Fixture::new();
    // ---- 17–18 ----
    // a: 17th birthday 1 April 2024 (first day of the period), left care at 16; contact on
    // the birthday: in touch, suitable, education (F2).
    let a = f.child("2007-04-01");
    left_care(&mut f, &a, "2023-09-01");
    contact(
        &mut f,
        &a,
        "2024-04-01",
        InTouch::Yes,
        Some(true),
        Some(Act::F2),
    );
    // b: 17th birthday 31 March 2025 (last day). Contacts: 29 Dec 2024, exactly 92 days
    // before (in the window): in touch, suitable, NEET (G5); 28 Dec, 93 days before: outside;
    // 2 April 2025: after the as-at date, not used.
    let b = f.child("2008-03-31");
    left_care(&mut f, &b, "2024-10-01");
    contact(&mut f, &b, "2024-12-28", InTouch::No, None, None);
    contact(
        &mut f,
        &b,
        "2024-12-29",
        InTouch::Yes,
        Some(true),
        Some(Act::G5),
    );
    contact(&mut f, &b, "2025-04-02", InTouch::No, Some(false), None);
    // c: 18th birthday 15 June 2024, left care the day before it (care ending on the
    // birthday itself would still count as looked after, rule 1016), so a care leaver. Contact 16 July,
    // exactly 31 days after: in touch, unsuitable, employment (F5).
    let c = f.child("2006-06-15");
    left_care(&mut f, &c, "2024-06-14");
    contact(
        &mut f,
        &c,
        "2024-07-16",
        InTouch::Yes,
        Some(false),
        Some(Act::F5),
    );
    // e: 17th birthday 1 Sep 2024 but still looked after: not a care leaver, out.
    let e = f.child("2007-09-01");
    f.care(&e, &[("2020-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    contact(
        &mut f,
        &e,
        "2024-09-01",
        InTouch::Yes,
        Some(true),
        Some(Act::F2),
    );
    // g2: 18th birthday 1 Oct 2024, left at 17. Contacts 30 June (93 days before) and 2 Nov
    // (32 days after): both outside the window, so no information: in the cohort, not in
    // touch, no hits.
    let g2 = f.child("2006-10-01");
    left_care(&mut f, &g2, "2024-02-01");
    contact(
        &mut f,
        &g2,
        "2024-06-30",
        InTouch::Yes,
        Some(true),
        Some(Act::F2),
    );
    contact(
        &mut f,
        &g2,
        "2024-11-02",
        InTouch::Yes,
        Some(true),
        Some(Act::F2),
    );
    // h: 17th birthday 1 May 2024, died: left out (with the default exclusions).
    let h = f.child("2007-05-01");
    left_care(&mut f, &h, "2023-09-01");
    contact(&mut f, &h, "2024-05-01", InTouch::Died, None, None);
    // k: 17th birthday 1 June 2024; contacts 20 May (12 days before, NO) and 5 June (4 days
    // after, YES): the nearest is in touch; nothing recorded on accommodation or activity.
    let k = f.child("2007-06-01");
    left_care(&mut f, &k, "2023-09-01");
    contact(
        &mut f,
        &k,
        "2024-05-20",
        InTouch::No,
        Some(true),
        Some(Act::F1),
    );
    contact(&mut f, &k, "2024-06-05", InTouch::Yes, None, None);
    // ---- 19–21 ----
    // m: 19th birthday 1 April 2024 (first day): in touch, suitable, higher education.
    let m = f.child("2005-04-01");
    left_care(&mut f, &m, "2023-04-01");
    contact(
        &mut f,
        &m,
        "2024-04-01",
        InTouch::Yes,
        Some(true),
        Some(Act::F1),
    );
    // n: 21st birthday 31 March 2025 (last day): not in touch, no information.
    let n = f.child("2004-03-31");
    left_care(&mut f, &n, "2022-03-31");
    contact(
        &mut f,
        &n,
        "2025-03-01",
        InTouch::No,
        None,
        Some(Act::NoInfo),
    );
    // o: 22nd birthday on 31 March 2025 (21st the day before the period): out of both.
    let o = f.child("2003-03-31");
    left_care(&mut f, &o, "2021-03-31");
    contact(
        &mut f,
        &o,
        "2025-03-31",
        InTouch::Yes,
        Some(true),
        Some(Act::F1),
    );
    // q: 21st birthday 1 April 2024; contact 1 March 2024 (31 days before) refusing
    // contact: in the cohort (refusal is not an exclusion), not in touch; unsuitable, NEET.
    let q = f.child("2003-04-01");
    left_care(&mut f, &q, "2021-04-01");
    contact(
        &mut f,
        &q,
        "2024-03-01",
        InTouch::Refu,
        Some(false),
        Some(Act::G4),
    );
    // r: 20th birthday 1 Sep 2024, returned home (RHOM): left out.
    let r = f.child("2004-09-01");
    left_care(&mut f, &r, "2022-09-01");
    contact(&mut f, &r, "2024-09-01", InTouch::Rhom, None, None);
    // t: 19th birthday 1 Aug 2024: in touch, unsuitable, part-time work (P5).
    let t = f.child("2005-08-01");
    left_care(&mut f, &t, "2023-08-01");
    contact(
        &mut f,
        &t,
        "2024-08-10",
        InTouch::Yes,
        Some(false),
        Some(Act::P5),
    );
    f
}

/// 17–18: cohort a, b, c, g2, k = 5 (e still in care, h died; the 19–21s out).
/// In touch: a, b, c, k = 4. Suitable: a, b = 2. EET: a (F2), c (F5) = 2.
#[test]
fn leavers_17_18_birthday_window_and_cohort() {
    let f = oc3_fixture();
    let fig = f.eval("leavers_in_touch_17_18", AS_AT);
    assert_counts(&fig, 4.0, Some(5.0));
    assert_eq!(fig.value, Some(80.0));
    assert_eq!(fig.children, 5);
    assert_counts(&f.eval("leavers_suitable_17_18", AS_AT), 2.0, Some(5.0));
    assert_counts(&f.eval("leavers_eet_17_18", AS_AT), 2.0, Some(5.0));
}

/// 19–21: cohort m, n, q, t = 4 (o's 21st birthday fell before the period, r returned home).
/// In touch: m, t = 2. Suitable: m = 1. EET: m (F1), t (P5) = 2.
#[test]
fn leavers_19_21_birthday_window_and_cohort() {
    let f = oc3_fixture();
    assert_counts(&f.eval("leavers_in_touch_19_21", AS_AT), 2.0, Some(4.0));
    assert_counts(&f.eval("leavers_suitable_19_21", AS_AT), 1.0, Some(4.0));
    let eet = f.eval("leavers_eet_19_21", AS_AT);
    assert_counts(&eet, 2.0, Some(4.0));
    assert_eq!(eet.value, Some(50.0));
}

/// The parameters: keeping those who died or returned home puts h (17–18) and r (19–21) in
/// the denominators as not in touch; a 32-day window after the birthday takes in g2's
/// contact of 2 November (in touch).
#[test]
fn leavers_parameters_exclusions_and_window() {
    let f = oc3_fixture();
    let keep = Params {
        leaver_exclude_died_rhom: false,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("leavers_in_touch_17_18", AS_AT, &keep),
        4.0,
        Some(6.0),
    );
    assert_counts(
        &f.eval_with("leavers_in_touch_19_21", AS_AT, &keep),
        2.0,
        Some(5.0),
    );
    let wider = Params {
        leaver_days_after_birthday: 32,
        ..Default::default()
    };
    // g2 now in touch, suitable and in education: 5/5, 3/5, 3/5.
    assert_counts(
        &f.eval_with("leavers_in_touch_17_18", AS_AT, &wider),
        5.0,
        Some(5.0),
    );
    assert_counts(
        &f.eval_with("leavers_suitable_17_18", AS_AT, &wider),
        3.0,
        Some(5.0),
    );
    assert_counts(
        &f.eval_with("leavers_eet_17_18", AS_AT, &wider),
        3.0,
        Some(5.0),
    );
}

/// Pathway plans: current care leavers on 31 March 2025 (latest contact on or before it is
/// relevant or former relevant, dated on or after 31 March 2024, and not died, returned
/// home, no longer requiring services or refusing contact), of whom those whose latest
/// pathway plan review is on or after 30 September 2024 (31 March 2025 − 6 months).
#[test]
fn pathway_plans_reviewed_current_leavers_and_six_months() {
    let mut f = Fixture::new();
    let yes = InTouch::Yes;
    // p1: relevant, reviewed exactly 6 months before: hit.
    let p1 = f.child("2007-01-01");
    f.leaver_contact(
        &p1,
        "2025-01-10",
        yes,
        None,
        None,
        Elig::Relevant,
        Some("2024-09-30"),
    );
    // p2: former relevant, reviewed 6 months and a day before: miss.
    let p2 = f.child("2005-01-01");
    f.leaver_contact(
        &p2,
        "2025-02-01",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        Some("2024-09-29"),
    );
    // p3: qualifying care leaver: not current (out).
    let p3 = f.child("2005-01-01");
    f.leaver_contact(
        &p3,
        "2025-02-01",
        yes,
        None,
        None,
        Elig::Qualifying,
        Some("2025-01-01"),
    );
    // p4: last contact 30 March 2024 (more than 12 months ago): out.
    let p4 = f.child("2005-01-01");
    f.leaver_contact(
        &p4,
        "2024-03-30",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        Some("2024-03-30"),
    );
    // p5: last contact 31 March 2024 (exactly 12 months): in; review then: miss.
    let p5 = f.child("2005-01-01");
    f.leaver_contact(
        &p5,
        "2024-03-31",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        Some("2024-03-31"),
    );
    // p6: no longer requires services: out.
    let p6 = f.child("2005-01-01");
    f.leaver_contact(
        &p6,
        "2025-03-01",
        InTouch::Nreq,
        None,
        None,
        Elig::FormerRelevant,
        Some("2025-03-01"),
    );
    // p7: refuses contact: out (the measure's documentation: "not refusing").
    let p7 = f.child("2005-01-01");
    f.leaver_contact(
        &p7,
        "2025-03-01",
        InTouch::Refu,
        None,
        None,
        Elig::FormerRelevant,
        None,
    );
    // p8: the review is on an earlier contact row (1 Dec 2024), the latest row has none: hit.
    let p8 = f.child("2005-01-01");
    f.leaver_contact(
        &p8,
        "2024-12-01",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        Some("2024-12-01"),
    );
    f.leaver_contact(
        &p8,
        "2025-02-01",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        None,
    );
    // p9: a contact after the as-at date is not read; the latest by then (1 April 2024, within
    // the 12 months) has no review: in, miss.
    let p9 = f.child("2005-01-01");
    f.leaver_contact(
        &p9,
        "2024-04-01",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        None,
    );
    f.leaver_contact(
        &p9,
        "2025-04-02",
        yes,
        None,
        None,
        Elig::FormerRelevant,
        Some("2025-04-02"),
    );
    // Denominator p1, p2, p5, p8, p9 = 5; hits p1, p8 = 2.
    let fig = f.eval("pathway_plans_reviewed", AS_AT);
    assert_counts(&fig, 2.0, Some(5.0));
    assert_eq!(fig.value, Some(40.0));
    // Reviews within 7 months (since 31 August 2024): p2 joins the hits.
    let seven = Params {
        pathway_review_months: 7,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("pathway_plans_reviewed", AS_AT, &seven),
        3.0,
        Some(5.0),
    );
}
