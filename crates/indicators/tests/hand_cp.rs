//! Hand-built cases for the child protection indicators (plans, their length, repeat plans,
//! reviews and visits): each test's expected numerator and denominator are worked out in its
//! comments from the catalogue's definition and the spec (§5.2, §6).

mod common;
use common::*;
use indicators::Params;
use model::codes::YesNo;
use model::tables::{CpPlanId, PersonId};

/// Marks the plan just added as held by another local authority.
fn last_plan_ola(f: &mut Fixture) {
    f.t.cp_plans.last_mut().expect("a plan").cppl_cp_plan_ola = YesNo::Yes;
}

/// A child referred on 1 January 2024 with a plan from `start` to `end`.
fn plan(f: &mut Fixture, start: &str, end: Option<&str>) -> (PersonId, CpPlanId) {
    let c = f.child("2014-01-01");
    let r = f.referral(&c, "2024-01-01", None);
    let p = f.cp_plan(&c, &r, start, end);
    (c, p)
}

/// Children on a plan per 10,000 at the as-at date: plans started on or before it and not
/// ended by it (a plan ending on the as-at date has ended); children, not plans; plans held
/// by another authority are not the council's.
#[test]
fn cp_rate_counts_children_on_a_plan_at_the_date() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    let r = f.referral(&a, "2025-03-01", None);
    f.cp_plan(&a, &r, "2025-03-31", None); // starts on the as-at date: in
    let b = f.child("2015-01-01");
    let r = f.referral(&b, "2022-12-01", None);
    f.cp_plan(&b, &r, "2023-01-01", Some("2025-03-31")); // ends on it: out
    let c = f.child("2015-01-01");
    let r = f.referral(&c, "2023-12-01", None);
    f.cp_plan(&c, &r, "2024-01-01", Some("2025-04-01")); // ends the day after: in
    let e = f.child("2015-01-01");
    let r = f.referral(&e, "2025-03-01", None);
    f.cp_plan(&e, &r, "2025-04-01", None); // starts after: out
    let g = f.child("2015-01-01");
    let r = f.referral(&g, "2024-01-01", None);
    f.cp_plan(&g, &r, "2024-02-01", None);
    f.cp_plan(&g, &r, "2024-09-01", None); // two open plans: one child
    let h = f.child("2015-01-01");
    let r = f.referral(&h, "2024-01-01", None);
    f.cp_plan(&h, &r, "2024-02-01", None);
    last_plan_ola(&mut f); // another authority's plan: out
                           // a, c, g = 3 children; population 10,000 → 3 per 10,000.
    let fig = f.eval("cp_rate", "2025-03-31");
    assert_counts(&fig, 3.0, Some(10_000.0));
    assert!((fig.value.unwrap() - 3.0).abs() < 1e-9, "{fig:?}");
    assert_eq!(fig.children, 3);
}

/// Plans ending in the period (1 April 2024 .. 31 March 2025, both included) that lasted
/// 2 years or more: `end >= start + 2 calendar years`.
#[test]
fn cp_ended_2yrs_exactly_two_years_and_a_day_short() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2023-02-01", None);
    // 2023-02-28 + 2 years = 2025-02-28: exactly 2 years → hit.
    f.cp_plan(&a, &r, "2023-02-28", Some("2025-02-28"));
    // Start a day later: 2023-03-01 + 2 years = 2025-03-01 > 2025-02-28 → miss.
    f.cp_plan(&a, &r, "2023-03-01", Some("2025-02-28"));
    // End a day earlier: 2025-02-27 < 2025-02-28 → miss.
    f.cp_plan(&a, &r, "2023-02-28", Some("2025-02-27"));
    let b = f.child("2012-01-01");
    let r = f.referral(&b, "2021-12-01", None);
    f.cp_plan(&b, &r, "2024-01-01", Some("2024-04-01")); // ends on the first day: in, short
    f.cp_plan(&b, &r, "2022-01-01", Some("2025-03-31")); // ends on the last day: in, 3 years
    f.cp_plan(&b, &r, "2020-01-01", Some("2024-03-31")); // ends the day before: out
    f.cp_plan(&b, &r, "2023-01-01", Some("2025-04-01")); // ends after: out
    f.cp_plan(&b, &r, "2020-06-01", None); // not ended: out
    let c = f.child("2012-01-01");
    let r = f.referral(&c, "2021-12-01", None);
    f.cp_plan(&c, &r, "2022-01-01", Some("2024-12-01"));
    last_plan_ola(&mut f); // another authority's: out
                           // Denominator: a's three and b's first two = 5; hits: a's first and b's 2022 plan = 2.
    let fig = f.eval("cp_ended_2yrs", "2025-03-31");
    assert_counts(&fig, 2.0, Some(5.0));
    assert_eq!(fig.value, Some(40.0));
}

/// A plan started on 29 February: 2 calendar years later is 28 February (end-of-month
/// clamping, spec §6.2), so a plan 29 Feb 2024 → 28 Feb 2026 lasted 2 years.
#[test]
fn cp_ended_2yrs_from_29_february() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2024-02-01", None);
    f.cp_plan(&a, &r, "2024-02-29", Some("2026-02-28")); // hit
    let b = f.child("2012-01-01");
    let r = f.referral(&b, "2024-02-01", None);
    f.cp_plan(&b, &r, "2024-02-29", Some("2026-02-27")); // a day short: miss
    assert_counts(&f.eval("cp_ended_2yrs", "2026-03-31"), 1.0, Some(2.0));
}

/// Plans open at the as-at date that had lasted 2 years or more by then.
#[test]
fn cp_open_2yrs_at_the_as_at_date() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2020-01-01", None);
    f.cp_plan(&a, &r, "2023-03-31", None); // exactly 2 years on 2025-03-31: hit
    f.cp_plan(&a, &r, "2023-04-01", None); // a day short: miss
    f.cp_plan(&a, &r, "2020-06-01", Some("2025-04-01")); // still open on the date: hit
    f.cp_plan(&a, &r, "2022-01-01", Some("2025-03-31")); // ended on the date: out
    f.cp_plan(&a, &r, "2025-03-31", None); // started on the date: open, 0 days: miss
    f.cp_plan(&a, &r, "2025-04-01", None); // not started: out
    let b = f.child("2012-01-01");
    let r = f.referral(&b, "2020-01-01", None);
    f.cp_plan(&b, &r, "2020-02-01", None);
    last_plan_ola(&mut f); // another authority's: out
                           // Plans (not children) open: 2023-03-31, 2023-04-01, 2020-06-01, 2025-03-31 = 4; hits 2.
    let fig = f.eval("cp_open_2yrs", "2025-03-31");
    assert_counts(&fig, 2.0, Some(4.0));
    assert_eq!(fig.value, Some(50.0));
}

/// The task's 2-year boundary as a snapshot: on 28 February 2025 a plan from 28 February 2023
/// has lasted 2 years, one from 1 March 2023 has not.
#[test]
fn cp_open_2yrs_on_28_february() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2023-01-01", None);
    f.cp_plan(&a, &r, "2023-02-28", None); // hit
    f.cp_plan(&a, &r, "2023-03-01", None); // miss
    assert_counts(&f.eval("cp_open_2yrs", "2025-02-28"), 1.0, Some(2.0));
}

/// A plan started on 29 February 2024, open on 28 February 2026. The definition ("had by then
/// lasted 2 years or more") with the calendar arithmetic of spec §6.2 (29 Feb + 2 years =
/// 28 Feb) and the sibling `cp_ended_2yrs` (`end >= start + 2 years`) say it has: hit. The
/// catalogue's numerator wording ("started on or before the as-at date minus 2 years",
/// 2026-02-28 − 2 years = 2024-02-28) would say it has not: the definition is ambiguous on
/// this one day, and the test keeps the code's behaviour (`as_at >= start + 2 years`, the
/// same arithmetic as `cp_ended_2yrs`). A plan from 1 March 2024 is a miss either way.
#[test]
fn cp_open_2yrs_from_29_february() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2024-02-01", None);
    f.cp_plan(&a, &r, "2024-02-29", None); // hit (see above)
    f.cp_plan(&a, &r, "2024-03-01", None); // miss
    assert_counts(&f.eval("cp_open_2yrs", "2026-02-28"), 1.0, Some(2.0));
    // A day earlier neither has lasted 2 years.
    assert_counts(&f.eval("cp_open_2yrs", "2026-02-27"), 0.0, Some(2.0));
}

/// Second or subsequent plans, ever: plans starting in the period (both ends included) whose
/// child had an earlier plan of the council, however long ago, or whose
/// `NumberOfPreviousCPP` is ≥ 1. A plan of another authority is not "of the council" (spec
/// §5.2: "previously been the subject of a plan … of that council").
#[test]
fn cp_second_ever_counts_repeat_plans_however_long_ago() {
    let mut f = Fixture::new();
    let a = f.child("2010-01-01");
    let r = f.referral(&a, "2015-01-01", None);
    f.cp_plan(&a, &r, "2015-01-01", Some("2016-01-01")); // before the period
    f.cp_plan(&a, &r, "2024-06-01", None); // second, 8 years later: hit
    let b = f.child("2010-01-01");
    let r = f.referral(&b, "2024-07-01", None);
    f.cp_plan(&b, &r, "2024-07-01", None); // first: miss
    let c = f.child("2010-01-01");
    let r = f.referral(&c, "2024-03-01", None);
    f.cp_plan(&c, &r, "2024-04-01", Some("2024-10-01")); // first day, first plan: miss
    f.cp_plan(&c, &r, "2025-03-31", None); // last day, second plan: hit
    let e = f.child("2010-01-01");
    let r = f.referral(&e, "2025-03-01", None);
    f.cp_plan(&e, &r, "2025-04-01", None); // after the period: out
    let g = f.child("2010-01-01");
    let r = f.referral(&g, "2024-08-01", None);
    f.cp_plan(&g, &r, "2024-08-01", None);
    f.t.cp_plans.last_mut().unwrap().cppl_cp_plan_previous_plans = Some(2); // census: hit
    let h = f.child("2010-01-01");
    let r = f.referral(&h, "2024-08-01", None);
    f.cp_plan(&h, &r, "2024-08-01", None);
    f.t.cp_plans.last_mut().unwrap().cppl_cp_plan_previous_plans = Some(0); // census: miss
    let k = f.child("2010-01-01");
    let r = f.referral(&k, "2020-01-01", None);
    f.cp_plan(&k, &r, "2020-01-01", Some("2021-01-01"));
    last_plan_ola(&mut f); // another authority's plan …
    f.cp_plan(&k, &r, "2024-09-01", None); // … so this is the council's first: miss
    let m = f.child("2010-01-01");
    let r = f.referral(&m, "2024-09-01", None);
    f.cp_plan(&m, &r, "2024-09-01", None);
    last_plan_ola(&mut f); // another authority's plan starting in the period: out
                           // Denominator: a's 2024, b, c's two, g, h, k's 2024 = 7; hits: a, c's second, g = 3.
    let fig = f.eval("cp_second_ever", "2025-03-31");
    assert_counts(&fig, 3.0, Some(7.0));
}

/// Second plans within 2 years: plans starting in the period whose child's earlier plan ended
/// on or after the new start minus 2 years (spec §5.2, UNCERTAIN, implemented as stated).
#[test]
fn cp_second_2yrs_previous_plan_ended_exactly_two_years_before() {
    let mut f = Fixture::new();
    let a = f.child("2010-01-01");
    let r = f.referral(&a, "2020-01-01", None);
    f.cp_plan(&a, &r, "2020-01-01", Some("2022-06-10"));
    f.cp_plan(&a, &r, "2024-06-10", None); // ended exactly 2 years before: hit
    let b = f.child("2010-01-01");
    let r = f.referral(&b, "2020-01-01", None);
    f.cp_plan(&b, &r, "2020-01-01", Some("2022-06-09"));
    f.cp_plan(&b, &r, "2024-06-10", None); // 2 years and a day: miss
    let c = f.child("2010-01-01");
    let r = f.referral(&c, "2024-07-01", None);
    f.cp_plan(&c, &r, "2024-07-01", None); // first plan: miss
    let e = f.child("2010-01-01");
    let r = f.referral(&e, "2010-01-01", None);
    f.cp_plan(&e, &r, "2010-01-01", Some("2015-01-01"));
    f.cp_plan(&e, &r, "2024-07-01", None); // second ever, not within 2 years: miss
    let g = f.child("2010-01-01");
    let r = f.referral(&g, "2023-01-01", None);
    f.cp_plan(&g, &r, "2023-01-01", Some("2024-01-01"));
    last_plan_ola(&mut f); // another authority's plan …
    f.cp_plan(&g, &r, "2024-05-01", None); // … is not the council's previous plan: miss
    let h = f.child("2010-01-01");
    let r = f.referral(&h, "2024-04-01", None);
    f.cp_plan(&h, &r, "2024-04-01", Some("2024-05-01")); // first day, first plan: miss
    f.cp_plan(&h, &r, "2025-03-31", None); // last day, previous ended 11 months before: hit
                                           // Denominator: a, b, c, e, g, h's two = 7; hits: a, h's second = 2.
    assert_counts(&f.eval("cp_second_2yrs", "2025-03-31"), 2.0, Some(7.0));
    // `second_plan_years = 3`: since = start − 3 years; b (2022-06-09 ≥ 2021-06-10) joins.
    let three = Params {
        second_plan_years: 3,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_second_2yrs", "2025-03-31", &three),
        3.0,
        Some(7.0),
    );
    // `second_plan_years = 1`: only h's second (2024-05-01 ≥ 2024-03-31).
    let one = Params {
        second_plan_years: 1,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_second_2yrs", "2025-03-31", &one),
        1.0,
        Some(7.0),
    );
}

/// A second plan starting on 29 February 2024 (period 1 April 2023 .. 31 March 2024): the
/// definition says `previous end >= start − 2 years`, and 29 Feb 2024 − 2 years is 28 Feb
/// 2022 (spec §6.2 clamping), so a previous plan ending on 28 February 2022 counts and one
/// ending on 27 February does not.
#[test]
fn cp_second_2yrs_from_29_february() {
    let mut f = Fixture::new();
    let a = f.child("2010-01-01");
    let r = f.referral(&a, "2021-01-01", None);
    f.cp_plan(&a, &r, "2021-01-01", Some("2022-02-28"));
    f.cp_plan(&a, &r, "2024-02-29", None); // hit
    let b = f.child("2010-01-01");
    let r = f.referral(&b, "2021-01-01", None);
    f.cp_plan(&b, &r, "2021-01-01", Some("2022-02-27"));
    f.cp_plan(&b, &r, "2024-02-29", None); // miss
    assert_counts(&f.eval("cp_second_2yrs", "2024-03-31"), 1.0, Some(2.0));
    // Both are second plans ever.
    assert_counts(&f.eval("cp_second_ever", "2024-03-31"), 2.0, Some(2.0));
}

/// CP reviews due in the period (1 April 2024 .. 31 March 2025), held on or before the due
/// date. Without a recorded due date: first review 3 months after the plan's start, then
/// 6 months after the previous review held. A review due before the as-at date and not held
/// by then is late; one due on the as-at date itself is not yet late.
#[test]
fn cp_reviews_on_time_due_dates_and_period() {
    let mut f = Fixture::new();
    // a: start 2024-01-31 → first due 2024-04-30 (clamped), held that day: on time. Next due
    // 2024-10-30, held 2024-10-31: late. Next due 2025-04-30: after the period.
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2024-01-01", None);
    let pa = f.cp_plan(&a, &r, "2024-01-31", None);
    f.cp_review(&a, &pa, None, Some("2024-04-30"));
    f.cp_review(&a, &pa, None, Some("2024-10-31"));
    // b: start 2024-12-31 → first due 2025-03-31, the as-at date, not held: not yet late, no
    // unit.
    let b = f.child("2012-01-01");
    let r = f.referral(&b, "2024-12-01", None);
    f.cp_plan(&b, &r, "2024-12-31", None);
    // c: start 2024-11-30 → first due 2025-02-28 (clamped), not held: late.
    let c = f.child("2012-01-01");
    let r = f.referral(&c, "2024-11-01", None);
    f.cp_plan(&c, &r, "2024-11-30", None);
    // e: start 2023-12-31 → first due 2024-03-31, before the period (held 2024-03-28, not
    // counted). Next due 2024-09-28, held 2024-09-27: on time. Next due 2025-03-27, held
    // 2025-04-02 (after the as-at date): late at the as-at date.
    let e = f.child("2012-01-01");
    let r = f.referral(&e, "2023-12-01", None);
    let pe = f.cp_plan(&e, &r, "2023-12-31", None);
    f.cp_review(&e, &pe, None, Some("2024-03-28"));
    f.cp_review(&e, &pe, None, Some("2024-09-27"));
    f.cp_review(&e, &pe, None, Some("2025-04-02"));
    // g: start 2024-01-01 → first due 2024-04-01, the period's first day, held then: on time.
    // Next due 2024-10-01, held 2024-09-15: on time. Next due 2025-03-15, not held: late.
    let g = f.child("2012-01-01");
    let r = f.referral(&g, "2024-01-01", None);
    let pg = f.cp_plan(&g, &r, "2024-01-01", None);
    f.cp_review(&g, &pg, None, Some("2024-04-01"));
    f.cp_review(&g, &pg, None, Some("2024-09-15"));
    // Units: a 2 (1 on time), c 1 (0), e 2 (1), g 3 (2) = 8; on time 4.
    let fig = f.eval("cp_reviews_on_time", "2025-03-31");
    assert_counts(&fig, 4.0, Some(8.0));
    assert_eq!(fig.value, Some(50.0));
}

/// A recorded due date wins over the computed one; a plan that ended stops its reviews
/// falling due after the end, but a review that fell due while the plan was open and was
/// never held is still late ("a review due and not held by the as-at date is late").
#[test]
fn cp_reviews_on_time_recorded_due_and_ended_plans() {
    let mut f = Fixture::new();
    // a: start 2024-03-01 (computed first due 2024-06-01). Recorded due 2024-06-30, held
    // 2024-06-20: on time (it would be late against the computed date). Next due (computed)
    // 2024-12-20, held that day: on time. Next due 2025-06-20: after the period.
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2024-02-01", None);
    let pa = f.cp_plan(&a, &r, "2024-03-01", None);
    f.cp_review(&a, &pa, Some("2024-06-30"), Some("2024-06-20"));
    f.cp_review(&a, &pa, None, Some("2024-12-20"));
    // b: start 2024-04-15, ended 2024-09-01; first review due 2024-07-15 while the plan was
    // open, never held: late.
    let b = f.child("2012-01-01");
    let r = f.referral(&b, "2024-04-01", None);
    f.cp_plan(&b, &r, "2024-04-15", Some("2024-09-01"));
    // c: start 2024-05-01, ended 2024-07-01 before the first review was due (2024-08-01): no
    // review due, no unit.
    let c = f.child("2012-01-01");
    let r = f.referral(&c, "2024-04-01", None);
    f.cp_plan(&c, &r, "2024-05-01", Some("2024-07-01"));
    // e: start 2024-04-15, first review held 2024-07-10 (due 2024-07-15: on time) which ended
    // the plan that day; nothing further falls due.
    let e = f.child("2012-01-01");
    let r = f.referral(&e, "2024-04-01", None);
    let pe = f.cp_plan(&e, &r, "2024-04-15", Some("2024-07-10"));
    f.cp_review(&e, &pe, None, Some("2024-07-10"));
    // g: a plan that ended before the period (2024-03-15): nothing.
    let g = f.child("2012-01-01");
    let r = f.referral(&g, "2023-01-01", None);
    f.cp_plan(&g, &r, "2023-01-01", Some("2024-03-15"));
    // Units: a 2 (2 on time), b 1 (late), e 1 (on time) = 4; on time 3.
    assert_counts(&f.eval("cp_reviews_on_time", "2025-03-31"), 3.0, Some(4.0));
}

/// Review timescales are parameters: with the first review due after 1 month and later ones
/// every 3 months the same reviews are late.
#[test]
fn cp_reviews_on_time_with_other_timescales() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    let r = f.referral(&a, "2024-06-01", None);
    let pa = f.cp_plan(&a, &r, "2024-06-10", None);
    f.cp_review(&a, &pa, None, Some("2024-07-10"));
    f.cp_review(&a, &pa, None, Some("2024-10-15"));
    // Defaults (3, 6): first due 2024-09-10, held 2024-07-10: on time; next due 2025-01-10,
    // held 2024-10-15: on time; next due 2025-04-15: after the period → 2 of 2.
    assert_counts(&f.eval("cp_reviews_on_time", "2025-03-31"), 2.0, Some(2.0));
    // (1, 3): first due 2024-07-10, held that day: on time; next due 2024-10-10, held
    // 2024-10-15: late; next due 2025-01-15, not held: late → 1 of 3.
    let tight = Params {
        cp_first_review_months: 1,
        cp_review_interval_months: 3,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_reviews_on_time", "2025-03-31", &tight),
        1.0,
        Some(3.0),
    );
}

/// CP visits at Monday 31 March 2025: working days from the later of the plan's start and the
/// last visit in which the child was seen, start day = day 0. Monday 17 March is 10 working
/// days back (18–21: 4, 24–28: 9, 31: 10), Friday 14 March 11, Monday 10 March 15, Friday
/// 7 March 16.
#[test]
fn cp_visits_on_time_ten_working_days() {
    let mut f = Fixture::new();
    let (a, pa) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&a, &pa, "2025-03-17", true); // 10: hit
    let (b, pb) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&b, &pb, "2025-03-14", true); // 11: miss
    let (c, pc) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&c, &pc, "2025-03-14", true);
    f.cp_visit(&c, &pc, "2025-03-28", false); // not seen: the last seen visit is 11 back
    plan(&mut f, "2025-03-20", None); // new, unvisited: 7 from the start: hit
    let (e, pe) = plan(&mut f, "2024-01-01", Some("2025-03-31"));
    f.cp_visit(&e, &pe, "2025-03-28", true); // plan ended on the date: out
    let (g, pg) = plan(&mut f, "2025-01-06", None);
    f.cp_visit(&g, &pg, "2025-04-01", true); // after the date: ignored → from the start: miss
    let (h, ph) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&h, &ph, "2025-03-10", true); // 15: miss
    let (k, pk) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&k, &pk, "2025-03-07", true); // 16: miss
    let (m, pm) = plan(&mut f, "2024-01-01", None);
    f.cp_visit(&m, &pm, "2025-03-28", true);
    last_plan_ola(&mut f); // another authority's plan: out
                           // Denominator: a, b, c, the new plan, g, h, k = 7; hits: a and the new plan = 2.
    assert_counts(&f.eval("cp_visits_on_time", "2025-03-31"), 2.0, Some(7.0));
    // `cp_visit_days = 15`: a, b (11), c (11), the new plan, h (15) = 5.
    let fifteen = Params {
        cp_visit_days: 15,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_visits_on_time", "2025-03-31", &fifteen),
        5.0,
        Some(7.0),
    );
    // `visits_require_seen = false`: c's unseen visit (1 day back) counts → a, c, new = 3.
    let any = Params {
        visits_require_seen: false,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_visits_on_time", "2025-03-31", &any),
        3.0,
        Some(7.0),
    );
}

/// CP visits across the Easter bank holidays, at Tuesday 22 April 2025 (Good Friday 18 and
/// Easter Monday 21 April are holidays): Friday 4 April is 10 working days back (7–11: 5,
/// 14–17: 9, 22: 10; 18 calendar days), Thursday 3 April 11 (19 calendar days), Saturday
/// 12 April 5 (10 calendar days), Friday 11 April 5 (11 calendar days). With calendar days
/// (`cp_visit_working_days = false`) the same limit of 10 leaves only 12 April in time.
#[test]
fn cp_visits_on_time_working_and_calendar_days_over_easter() {
    let mut f = Fixture::new();
    // 10, 11, 5 and 5 working days; 18, 19, 10 and 11 calendar days.
    for visit in ["2025-04-04", "2025-04-03", "2025-04-12", "2025-04-11"] {
        let (c, p) = plan(&mut f, "2024-02-01", None);
        f.cp_visit(&c, &p, visit, true);
    }
    // Working days: 4, 12 and 11 April in time = 3 of 4.
    assert_counts(&f.eval("cp_visits_on_time", "2025-04-22"), 3.0, Some(4.0));
    let calendar = Params {
        cp_visit_working_days: false,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cp_visits_on_time", "2025-04-22", &calendar),
        1.0,
        Some(4.0),
    );
}
