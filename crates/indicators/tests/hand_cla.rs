//! Hand-built cases for the children-in-care indicators (numbers, placement stability,
//! missing, OC2 health, health assessments, visits and reviews): each test's expected
//! numerator and denominator are worked out in its comments from the catalogue definition
//! and `csc-data-spec.md` §5.3, §3.5 and §6.
//!
//! Unless stated, the as-at date is 31 March 2025, so an events period runs from
//! 1 April 2024 to 31 March 2025, both days included.

mod common;
use common::*;

use indicators::Params;
use model::codes::{
    HealthCheckType, LegalStatus as Ls, MissingType, PlacementType as Pl,
    ReasonEpisodeCeased as Rec, ReasonNewEpisode as Rne,
};

const AS_AT: &str = "2025-03-31";

/// CLA per 10,000: children looked after on 31 March (an episode started on or before it and
/// not ceased by it), short breaks (V3/V4) left out. A child whose care ceased on 31 March is
/// no longer looked after on it (the crate's convention: looked after on `d` while
/// start ≤ d < ceased, as in SSDA903 rule 1007).
#[test]
fn cla_rate_counts_children_in_care_at_the_date_without_short_breaks() {
    let mut f = Fixture::new();
    f.population = 20_000;
    let a = f.child("2015-01-01");
    f.care(&a, &[("2024-01-10", Rne::S, Pl::U4, Ls::C2)], None); // in
    let b = f.child("2015-01-01");
    f.care(
        &b,
        &[("2023-05-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2025-03-31", Rec::E4A)),
    ); // ceased on the day: out
    let c = f.child("2015-01-01");
    f.care(&c, &[("2025-03-31", Rne::S, Pl::U6, Ls::V2)], None); // started on the day: in
    let e = f.child("2015-01-01");
    f.care(
        &e,
        &[("2024-06-01", Rne::S, Pl::U6, Ls::C2)],
        Some(("2025-04-15", Rec::E4A)),
    ); // ceases after the as-at date: in
    let s = f.child("2015-01-01");
    f.care(&s, &[("2024-06-01", Rne::S, Pl::U6, Ls::V3)], None); // short breaks: out
    let t = f.child("2015-01-01");
    f.care(&t, &[("2024-06-01", Rne::S, Pl::U6, Ls::V4)], None); // short breaks: out
                                                                 // a, c, e = 3 children; 3 / 20,000 × 10,000 = 1.5.
    let fig = f.eval("cla_rate", AS_AT);
    assert_counts(&fig, 3.0, Some(20_000.0));
    assert!((fig.value.unwrap() - 1.5).abs() < 1e-9, "{fig:?}"); // floating point
    assert_eq!(fig.children, 3);
}

/// Children starting to be looked after: an episode with RNE S dated 1 April 2024 to
/// 31 March 2025 inclusive; a child counts once; moves (RNE P) are not starts; short
/// breaks are left out.
#[test]
fn cla_started_rate_counts_children_starting_care_in_the_period_once() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    f.care(&a, &[("2024-04-01", Rne::S, Pl::U6, Ls::V2)], None); // first day: in
    let b = f.child("2015-01-01");
    f.care(&b, &[("2025-03-31", Rne::S, Pl::U6, Ls::V2)], None); // last day: in
    let c = f.child("2015-01-01");
    f.care(&c, &[("2024-03-31", Rne::S, Pl::U6, Ls::V2)], None); // the day before: out
    let d2 = f.child("2015-01-01");
    f.care(
        &d2,
        &[("2024-06-01", Rne::S, Pl::U6, Ls::V2)],
        Some(("2024-08-01", Rec::E4A)),
    );
    f.care(&d2, &[("2024-10-01", Rne::S, Pl::U6, Ls::C1)], None); // two starts: counts once
    let e = f.child("2015-01-01");
    f.care(&e, &[("2024-07-01", Rne::S, Pl::U6, Ls::V3)], None); // short breaks: out
    let g = f.child("2015-01-01");
    f.care(
        &g,
        &[
            ("2023-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-09-01", Rne::P, Pl::R1, Ls::C2), // a move, not a start
        ],
        None,
    );
    // a, b, d2 = 3 children per 10,000 (the fixture's population) = 3.0.
    let fig = f.eval("cla_started_rate", AS_AT);
    assert_counts(&fig, 3.0, Some(10_000.0));
    assert!((fig.value.unwrap() - 3.0).abs() < 1e-9, "{fig:?}"); // floating point
    assert_eq!(fig.children, 3);
}

/// Children ceasing to be looked after: an episode ending in the period with a reason other
/// than X1 (care continues); a child counts once; short breaks are left out.
#[test]
fn cla_ceased_rate_counts_children_leaving_care_in_the_period_once() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    f.care(
        &a,
        &[("2023-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-04-01", Rec::E4A)),
    ); // first day: in
    let b = f.child("2015-01-01");
    f.care(
        &b,
        &[("2023-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2025-03-31", Rec::E13)),
    ); // last day: in
    let c = f.child("2015-01-01");
    f.care(
        &c,
        &[("2023-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-03-31", Rec::E4A)),
    ); // the day before: out
    let d2 = f.child("2015-01-01");
    f.care(
        &d2,
        &[
            ("2023-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-09-01", Rne::P, Pl::R1, Ls::C2), // the earlier episode ends X1: out
        ],
        None,
    );
    let e = f.child("2015-01-01");
    f.care(
        &e,
        &[("2024-05-01", Rne::S, Pl::U6, Ls::V2)],
        Some(("2024-06-01", Rec::E4B)),
    );
    f.care(
        &e,
        &[("2024-08-01", Rne::S, Pl::U6, Ls::V2)],
        Some(("2024-12-01", Rec::E4A)),
    ); // ceased twice: counts once
    let s = f.child("2015-01-01");
    f.care(
        &s,
        &[("2024-05-01", Rne::S, Pl::U6, Ls::V3)],
        Some(("2024-05-03", Rec::E8)),
    ); // short break: out
       // a, b, e = 3.
    let fig = f.eval("cla_ceased_rate", AS_AT);
    assert_counts(&fig, 3.0, Some(10_000.0));
    assert_eq!(fig.children, 3);
}

/// 3 or more placements (spec §5.3 note A): the placement in force on 1 April (or at the
/// first episode) counts one; each later episode with RNE P or B, or a new period of care
/// (S), one more; RNE L (legal status only), T and U (same carer) add none. With
/// `count_temporary_moves` off, moves into and back from T0–T4 placements add none either.
#[test]
fn cla_3plus_placements_counts_changes_of_carer() {
    let mut f = Fixture::new();
    // a: U4 in force on 1 April (1), P (2), L (no), P (3) → exactly 3: hit.
    let a = f.child("2012-01-01");
    f.care(
        &a,
        &[
            ("2023-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-05-01", Rne::P, Pl::R1, Ls::C2),
            ("2024-07-01", Rne::L, Pl::R1, Ls::E1),
            ("2024-10-01", Rne::P, Pl::U6, Ls::E1),
        ],
        None,
    );
    // b: U4 (1), T same carer (no), U same carer (no), P (2) → 2: miss.
    let b = f.child("2012-01-01");
    f.care(
        &b,
        &[
            ("2023-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-05-01", Rne::T, Pl::U5, Ls::C2),
            ("2024-06-01", Rne::U, Pl::U5, Ls::E1),
            ("2024-08-01", Rne::P, Pl::U6, Ls::E1),
        ],
        None,
    );
    // c: entered in the year: S (1), B (2), P on the last day (3) → hit.
    let c = f.child("2012-01-01");
    f.care(
        &c,
        &[
            ("2024-06-01", Rne::S, Pl::U6, Ls::V2),
            ("2024-08-01", Rne::B, Pl::R1, Ls::C2),
            ("2025-03-31", Rne::P, Pl::U4, Ls::C2),
        ],
        None,
    );
    // d2: a period of care ending in the year (1), a new period S (2) and a P move (3) → hit.
    let d2 = f.child("2012-01-01");
    f.care(
        &d2,
        &[("2023-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-06-01", Rec::E4A)),
    );
    f.care(
        &d2,
        &[
            ("2024-09-01", Rne::S, Pl::U6, Ls::V2),
            ("2025-01-01", Rne::P, Pl::R1, Ls::C2),
        ],
        None,
    );
    // e: U4 (1), P to a temporary placement T3 (2), P back to U4 (3) → hit by default; with
    // count_temporary_moves = false both moves are left out → 1: miss.
    let e = f.child("2012-01-01");
    f.care(
        &e,
        &[
            ("2023-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-06-01", Rne::P, Pl::T3, Ls::C2),
            ("2024-06-10", Rne::P, Pl::U4, Ls::C2),
        ],
        None,
    );
    // s: short breaks with three placements: not in the denominator.
    let s = f.child("2012-01-01");
    f.care(
        &s,
        &[
            ("2024-05-01", Rne::S, Pl::U6, Ls::V3),
            ("2024-06-01", Rne::P, Pl::R1, Ls::V3),
            ("2024-07-01", Rne::P, Pl::U4, Ls::V3),
        ],
        None,
    );
    // x: three placements but left care before 31 March: not in the denominator.
    let x = f.child("2012-01-01");
    f.care(
        &x,
        &[
            ("2024-05-01", Rne::S, Pl::U6, Ls::C2),
            ("2024-06-01", Rne::P, Pl::R1, Ls::C2),
            ("2024-07-01", Rne::P, Pl::U4, Ls::C2),
        ],
        Some(("2025-01-01", Rec::E4A)),
    );
    // Denominator a, b, c, d2, e = 5; hits a, c, d2, e = 4.
    let fig = f.eval("cla_3plus_placements", AS_AT);
    assert_counts(&fig, 4.0, Some(5.0));
    assert_eq!(fig.value, Some(80.0));
    // Without temporary moves e has one placement: hits a, c, d2 = 3.
    let no_temp = Params {
        count_temporary_moves: false,
        ..Default::default()
    };
    let fig = f.eval_with("cla_3plus_placements", AS_AT, &no_temp);
    assert_counts(&fig, 3.0, Some(5.0));
}

/// Long-term stability: children under 16 on 31 March 2025 looked after since
/// 30 September 2022 or earlier (30 months), of whom those with the same carer since
/// 31 March 2023 or earlier (2 years); a placement for adoption counts from the start of
/// the placement before it.
#[test]
fn cla_long_term_stability_boundaries() {
    let mut f = Fixture::new();
    // a: in care exactly 30 months, with the current carer exactly 2 years: in, hit.
    let a = f.child("2015-01-01");
    f.care(
        &a,
        &[
            ("2022-09-30", Rne::S, Pl::U4, Ls::C2),
            ("2023-03-31", Rne::P, Pl::U6, Ls::C2),
        ],
        None,
    );
    // b: in care 30 months less a day: not in the denominator.
    let b = f.child("2015-01-01");
    f.care(&b, &[("2022-10-01", Rne::S, Pl::U4, Ls::C2)], None);
    // c: in care 5 years, current carer since 1 April 2023 (2 years less a day): in, miss.
    let c = f.child("2015-01-01");
    f.care(
        &c,
        &[
            ("2020-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2023-04-01", Rne::P, Pl::U6, Ls::C2),
        ],
        None,
    );
    // d2: 16 on 31 March 2025: not under 16, out.
    let d2 = f.child("2009-03-31");
    f.care(&d2, &[("2015-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    // e: 15 (16 tomorrow), one carer since 2018; a T (same carer) and an L (legal status)
    // episode do not change carer: in, hit.
    let e = f.child("2009-04-01");
    f.care(
        &e,
        &[
            ("2018-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-01-01", Rne::T, Pl::U5, Ls::C2),
            ("2024-06-01", Rne::L, Pl::U5, Ls::E1),
        ],
        None,
    );
    // g: placed for adoption (A6) in October 2024 after a foster placement from
    // January 2022: the two together exceed 2 years: in, hit.
    let g = f.child("2015-01-01");
    f.care(
        &g,
        &[
            ("2021-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2022-01-01", Rne::P, Pl::U6, Ls::C2),
            ("2024-10-01", Rne::P, Pl::A6, Ls::E1),
        ],
        None,
    );
    // s: short breaks for years: out.
    let s = f.child("2015-01-01");
    f.care(&s, &[("2019-01-01", Rne::S, Pl::U4, Ls::V4)], None);
    // Denominator a, c, e, g = 4; hits a, e, g = 3.
    let fig = f.eval("cla_long_term_stability", AS_AT);
    assert_counts(&fig, 3.0, Some(4.0));
    assert_eq!(fig.value, Some(75.0));
}

/// Missing (M) and away (A): children looked after at any time from 1 April 2024 to
/// 31 March 2025 (short breaks out), of whom those with an incident of the type starting in
/// that period.
#[test]
fn cla_missing_and_away_count_children_with_an_incident_starting_in_the_period() {
    let mut f = Fixture::new();
    let care_all_year = |f: &mut Fixture, c: &model::tables::PersonId| {
        f.care(c, &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    };
    let a = f.child("2010-01-01");
    care_all_year(&mut f, &a);
    f.missing(
        &a,
        MissingType::Missing,
        "2024-04-01",
        Some("2024-04-02"),
        None,
        None,
    ); // first day
    let b = f.child("2010-01-01");
    care_all_year(&mut f, &b);
    f.missing(&b, MissingType::Missing, "2025-03-31", None, None, None); // last day
    let c = f.child("2010-01-01");
    care_all_year(&mut f, &c);
    // Started the day before the period (ended in it): not a missing incident in the period.
    f.missing(
        &c,
        MissingType::Missing,
        "2024-03-31",
        Some("2024-04-02"),
        None,
        None,
    );
    f.missing(
        &c,
        MissingType::Away,
        "2024-08-01",
        Some("2024-08-01"),
        None,
        None,
    );
    let d2 = f.child("2010-01-01");
    f.care(
        &d2,
        &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-04-01", Rec::E4A)),
    ); // looked after on 1 April (ceased that day): in the denominator
    let e = f.child("2010-01-01");
    f.care(
        &e,
        &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-03-31", Rec::E4A)),
    ); // left before the period: not in it, its incident does not count
    f.missing(&e, MissingType::Missing, "2024-05-01", None, None, None);
    let s = f.child("2010-01-01");
    f.care(&s, &[("2024-01-01", Rne::S, Pl::U4, Ls::V3)], None); // short breaks: out
    f.missing(&s, MissingType::Missing, "2024-05-01", None, None, None);
    f.missing(&s, MissingType::Away, "2024-05-01", None, None, None);
    let g = f.child("2010-01-01");
    f.care(&g, &[("2025-03-31", Rne::S, Pl::U4, Ls::V2)], None); // entered on the last day
                                                                 // Denominator a, b, c, d2, g = 5. Missing: a, b = 2. Away: c = 1.
    assert_counts(&f.eval("cla_missing", AS_AT), 2.0, Some(5.0));
    assert_counts(&f.eval("cla_away", AS_AT), 1.0, Some(5.0));
}

/// Return home interviews: missing or away episodes (not children) ending in the period;
/// offered = RHI offered YES (not recorded counts as not offered); accepted: of those
/// offered, accepted YES.
#[test]
fn missing_rhi_offered_and_accepted_count_episodes_ending_in_the_period() {
    let mut f = Fixture::new();
    let a = f.child("2010-01-01");
    f.care(&a, &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    // Ends on the first day: offered, accepted.
    f.missing(
        &a,
        MissingType::Missing,
        "2024-03-30",
        Some("2024-04-01"),
        Some(true),
        Some(true),
    );
    // Ends on the last day: offered, refused.
    f.missing(
        &a,
        MissingType::Away,
        "2025-03-30",
        Some("2025-03-31"),
        Some(true),
        Some(false),
    );
    let b = f.child("2010-01-01");
    f.care(&b, &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    // Ends the day before the period / the day after: out.
    f.missing(
        &b,
        MissingType::Missing,
        "2024-03-30",
        Some("2024-03-31"),
        Some(true),
        Some(true),
    );
    f.missing(
        &b,
        MissingType::Missing,
        "2025-03-30",
        Some("2025-04-01"),
        Some(true),
        Some(true),
    );
    // Not ended: out.
    f.missing(
        &b,
        MissingType::Missing,
        "2025-03-01",
        None,
        Some(true),
        Some(true),
    );
    let c = f.child("2010-01-01");
    f.care(&c, &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)], None);
    f.missing(
        &c,
        MissingType::Missing,
        "2024-09-01",
        Some("2024-09-01"),
        Some(false),
        None,
    );
    f.missing(
        &c,
        MissingType::Away,
        "2024-10-01",
        Some("2024-10-02"),
        None,
        None,
    );
    // Offered: 4 episodes (a's two, c's two), 2 offered (a's).
    let fig = f.eval("missing_rhi_offered", AS_AT);
    assert_counts(&fig, 2.0, Some(4.0));
    assert_eq!(fig.value, Some(50.0));
    assert_eq!(fig.children, 2);
    // Accepted: a's 2 offered episodes, 1 accepted.
    assert_counts(&f.eval("missing_rhi_accepted", AS_AT), 1.0, Some(2.0));
}

/// The OC2 cohort (spec §3.5): looked after continuously for the 12 months to 31 March 2025:
/// no start of care (RNE S) after 1 April 2024, no end of care (reason ≠ X1) from 1 April to
/// 30 March, no short breaks. Health assessment and dental check: a completed one dated
/// 1 April 2024 to 31 March 2025.
#[test]
fn oc2_health_assessment_and_dental_check() {
    let mut f = Fixture::new();
    let long = [("2022-01-01", Rne::S, Pl::U4, Ls::C2)];
    // a: both checks, on the first and the last day of the period: hit, hit.
    let a = f.child("2012-01-01");
    f.care(&a, &long, None);
    f.health(&a, HealthCheckType::HealthAssessment, "2024-04-01", true);
    f.health(&a, HealthCheckType::DentalCheck, "2025-03-31", true);
    // b: assessment the day before the period; dental check not completed: miss, miss.
    let b = f.child("2012-01-01");
    f.care(&b, &long, None);
    f.health(&b, HealthCheckType::HealthAssessment, "2024-03-31", true);
    f.health(&b, HealthCheckType::DentalCheck, "2024-06-01", false);
    // c: entered care on 1 April 2024 (not after it): in the cohort; assessment: hit.
    let c = f.child("2012-01-01");
    f.care(&c, &[("2024-04-01", Rne::S, Pl::U6, Ls::C2)], None);
    f.health(&c, HealthCheckType::HealthAssessment, "2024-05-01", true);
    // d2: entered on 2 April 2024: not in the cohort (its checks do not count).
    let d2 = f.child("2012-01-01");
    f.care(&d2, &[("2024-04-02", Rne::S, Pl::U6, Ls::C2)], None);
    f.health(&d2, HealthCheckType::HealthAssessment, "2024-05-01", true);
    f.health(&d2, HealthCheckType::DentalCheck, "2024-05-01", true);
    // e: care ended on 31 March 2025 (not before it): in the cohort; assessment: hit.
    let e = f.child("2012-01-01");
    f.care(&e, &long, Some(("2025-03-31", Rec::E4A)));
    f.health(&e, HealthCheckType::HealthAssessment, "2024-12-01", true);
    // g: care ended on 30 March 2025: not in the cohort.
    let g = f.child("2012-01-01");
    f.care(&g, &long, Some(("2025-03-30", Rec::E4A)));
    f.health(&g, HealthCheckType::HealthAssessment, "2024-12-01", true);
    // h: a placement move (X1) in the year keeps the cohort; no checks: miss, miss.
    let h = f.child("2012-01-01");
    f.care(
        &h,
        &[
            ("2022-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2024-09-01", Rne::P, Pl::R1, Ls::C2),
        ],
        None,
    );
    // s: short breaks all year: out.
    let s = f.child("2012-01-01");
    f.care(&s, &[("2022-01-01", Rne::S, Pl::U4, Ls::V3)], None);
    f.health(&s, HealthCheckType::HealthAssessment, "2024-12-01", true);
    // Cohort a, b, c, e, h = 5. Assessments: a, c, e = 3. Dental: a = 1.
    assert_counts(&f.eval("oc2_health_assessment", AS_AT), 3.0, Some(5.0));
    let dental = f.eval("oc2_dental_check", AS_AT);
    assert_counts(&dental, 1.0, Some(5.0));
    assert_eq!(dental.value, Some(20.0));
}

/// OC2 immunisations: the latest status recorded on or before 31 March 2025 is "up to date".
#[test]
fn oc2_immunisations_reads_the_latest_status_by_the_date() {
    let mut f = Fixture::new();
    let long = [("2022-01-01", Rne::S, Pl::U4, Ls::C2)];
    let a = f.child("2012-01-01");
    f.care(&a, &long, None);
    f.immunisation(&a, "2023-01-01", true);
    f.immunisation(&a, "2024-06-01", false); // latest: not up to date → miss
    let b = f.child("2012-01-01");
    f.care(&b, &long, None);
    f.immunisation(&b, "2024-01-01", false);
    f.immunisation(&b, "2025-03-31", true); // latest, on the as-at date: hit
    let c = f.child("2012-01-01");
    f.care(&c, &long, None);
    f.immunisation(&c, "2024-06-01", true); // latest by the date: hit
    f.immunisation(&c, "2025-04-01", false); // after the date: ignored
    let d2 = f.child("2012-01-01");
    f.care(&d2, &long, None); // nothing recorded: miss
    let x = f.child("2012-01-01");
    f.care(&x, &[("2024-06-01", Rne::S, Pl::U4, Ls::C2)], None); // not in the cohort
    f.immunisation(&x, "2024-07-01", true);
    // Cohort a, b, c, d2 = 4; hits b, c = 2.
    assert_counts(&f.eval("oc2_immunisations", AS_AT), 2.0, Some(4.0));
}

/// OC2 SDQ: the cohort aged 5 to 16 on 31 March 2025, of whom those whose latest SDQ in the
/// period has a score.
#[test]
fn oc2_sdq_ages_and_latest_record() {
    let mut f = Fixture::new();
    let long = [("2021-01-01", Rne::S, Pl::U4, Ls::C2)];
    let a = f.child("2020-03-31"); // 5 on the day: in
    f.care(&a, &long, None);
    f.sdq(&a, "2024-04-01", Some(12)); // first day, scored: hit
    let b = f.child("2020-04-01"); // 4: out
    f.care(&b, &long, None);
    f.sdq(&b, "2024-06-01", Some(12));
    let c = f.child("2008-04-01"); // 16: in
    f.care(&c, &long, None);
    f.sdq(&c, "2024-05-01", Some(10));
    f.sdq(&c, "2025-01-01", None); // latest in the period has no score: miss
    let d2 = f.child("2008-03-31"); // 17 on the day: out (in with sdq_max_age 17)
    f.care(&d2, &long, None);
    let e = f.child("2015-01-01"); // 10: in
    f.care(&e, &long, None);
    f.sdq(&e, "2024-03-31", Some(8)); // before the period: miss
    let g = f.child("2015-01-01"); // 10: in
    f.care(&g, &long, None);
    f.sdq(&g, "2024-05-01", None);
    f.sdq(&g, "2025-03-31", Some(20)); // latest, last day, scored: hit
                                       // Denominator a, c, e, g = 4; hits a, g = 2.
    assert_counts(&f.eval("oc2_sdq", AS_AT), 2.0, Some(4.0));
    // Up to 17: d2 joins the denominator with no SDQ: 2 of 5.
    let to17 = Params {
        sdq_max_age: 17,
        ..Default::default()
    };
    assert_counts(&f.eval_with("oc2_sdq", AS_AT, &to17), 2.0, Some(5.0));
}

/// Health assessments up to date at 15 March 2025 (mid-month, so adding months involves no
/// end-of-month clamping): the last completed assessment since entering care plus 6 months
/// (under 5) or 12 months (5 and over) is on or after the date; with none yet, the child is
/// not due until 20 working days after entering care (start day = day 0, §6.2).
#[test]
fn cla_health_up_to_date_intervals_and_new_entrants() {
    const AT: &str = "2025-03-15";
    let mut f = Fixture::new();
    let long = [("2023-01-01", Rne::S, Pl::U4, Ls::C2)];
    // a: aged 3, last 14 Sep 2024: due 14 Mar 2025, overdue: miss.
    let a = f.child("2021-06-01");
    f.care(&a, &long, None);
    f.health(&a, HealthCheckType::HealthAssessment, "2024-09-14", true);
    // b: aged 3, last 15 Sep 2024: due 15 Mar 2025, the date itself: hit.
    let b = f.child("2021-06-01");
    f.care(&b, &long, None);
    f.health(&b, HealthCheckType::HealthAssessment, "2024-09-15", true);
    // c: aged 10, last 15 Mar 2024: due 15 Mar 2025: hit.
    let c = f.child("2014-06-01");
    f.care(&c, &long, None);
    f.health(&c, HealthCheckType::HealthAssessment, "2024-03-15", true);
    // d2: aged 10, last 14 Mar 2024: miss.
    let d2 = f.child("2014-06-01");
    f.care(&d2, &long, None);
    f.health(&d2, HealthCheckType::HealthAssessment, "2024-03-14", true);
    // e: aged 10, a later assessment not completed does not count; last completed June 2023.
    let e = f.child("2014-06-01");
    f.care(&e, &long, None);
    f.health(&e, HealthCheckType::HealthAssessment, "2023-06-01", true);
    f.health(&e, HealthCheckType::HealthAssessment, "2025-01-01", false);
    // g: entered Friday 14 Feb 2025, none yet: 20th working day is Friday 14 Mar: overdue.
    let g = f.child("2014-06-01");
    f.care(&g, &[("2025-02-14", Rne::S, Pl::U6, Ls::V2)], None);
    // h: entered Monday 17 Feb 2025, none yet: 20th working day is Monday 17 Mar: hit.
    let h = f.child("2014-06-01");
    f.care(&h, &[("2025-02-17", Rne::S, Pl::U6, Ls::V2)], None);
    // i: an assessment before entering care does not count; entered Monday 6 Jan 2025,
    // due Monday 3 Feb: miss.
    let i = f.child("2014-06-01");
    f.health(&i, HealthCheckType::HealthAssessment, "2024-12-01", true);
    f.care(&i, &[("2025-01-06", Rne::S, Pl::U6, Ls::V2)], None);
    // j: 5 on the day: 12 months apply; last 1 Jun 2024, due 1 Jun 2025: hit (6 months
    // would make it overdue).
    let j = f.child("2020-03-15");
    f.care(&j, &long, None);
    f.health(&j, HealthCheckType::HealthAssessment, "2024-06-01", true);
    // Denominator a, b, c, d2, e, g, h, i, j = 9; hits b, c, h, j = 4.
    assert_counts(&f.eval("cla_health_up_to_date", AT), 4.0, Some(9.0));
    // 12 months for under-5s too: a joins the hits (due 14 Sep 2025).
    let p = Params {
        health_months_under5: 12,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cla_health_up_to_date", AT, &p),
        5.0,
        Some(9.0),
    );
}

/// Visits: the last visit in which the child was seen, in the current placement (the latest
/// S/P/B episode), ≤ 42 days before 31 March 2025 (17 February = 42 days, 16 February = 43);
/// not yet visited there, placed ≤ 7 days before.
#[test]
fn cla_visits_on_time_42_days_and_first_visit() {
    let mut f = Fixture::new();
    let long = [("2024-01-01", Rne::S, Pl::U4, Ls::C2)];
    let a = f.child("2012-01-01");
    let pa = f.care(&a, &long, None);
    f.cla_visit(&a, &pa, "2025-02-17", true); // 42 days: hit
    let b = f.child("2012-01-01");
    let pb = f.care(&b, &long, None);
    f.cla_visit(&b, &pb, "2025-02-16", true); // 43 days: miss
    let c = f.child("2012-01-01");
    let pc = f.care(&c, &long, None);
    f.cla_visit(&c, &pc, "2025-02-01", true); // 58 days
    f.cla_visit(&c, &pc, "2025-03-20", false); // not seen: does not count → miss
                                               // d2: moved (P) on 24 March, 7 days ago, not visited since: hit.
    let d2 = f.child("2012-01-01");
    let pd = f.care(
        &d2,
        &[
            ("2024-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2025-03-24", Rne::P, Pl::R1, Ls::C2),
        ],
        None,
    );
    f.cla_visit(&d2, &pd, "2025-03-01", true); // before the move: not in this placement
                                               // e: moved on 23 March, 8 days ago, not visited since: miss.
    let e = f.child("2012-01-01");
    let pe = f.care(
        &e,
        &[
            ("2024-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2025-03-23", Rne::P, Pl::R1, Ls::C2),
        ],
        None,
    );
    f.cla_visit(&e, &pe, "2025-03-10", true);
    // g: a T episode (same carer) on 1 March keeps the placement; visit 20 Feb, 39 days: hit.
    let g = f.child("2012-01-01");
    let pg = f.care(
        &g,
        &[
            ("2024-01-01", Rne::S, Pl::U4, Ls::C2),
            ("2025-03-01", Rne::T, Pl::U5, Ls::C2),
        ],
        None,
    );
    f.cla_visit(&g, &pg, "2025-02-20", true);
    // Denominator 6; hits a, d2, g = 3.
    let fig = f.eval("cla_visits_on_time", AS_AT);
    assert_counts(&fig, 3.0, Some(6.0));
    assert_eq!(fig.value, Some(50.0));
    // A 43-day interval: b joins the hits.
    let p43 = Params {
        cla_visit_interval_days: 43,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cla_visits_on_time", AS_AT, &p43),
        4.0,
        Some(6.0),
    );
    // Unseen visits count: c's visit of 20 March (11 days) makes a hit.
    let unseen = Params {
        visits_require_seen: false,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("cla_visits_on_time", AS_AT, &unseen),
        4.0,
        Some(6.0),
    );
}

/// Reviews: each review due 1 April 2024 to 31 March 2025 is a unit, a hit when held (not
/// cancelled) on or before its due date; one due and not held counts (as late) only once
/// its due date is before 31 March.
#[test]
fn cla_reviews_on_time_due_date_and_period_bounds() {
    let mut f = Fixture::new();
    let long = [("2023-01-01", Rne::S, Pl::U4, Ls::C2)];
    let a = f.child("2012-01-01");
    let pa = f.care(&a, &long, None);
    f.cla_review(&pa, "2024-04-01", Some("2024-04-01"), false); // due first day, held on it: hit
    f.cla_review(&pa, "2024-10-01", Some("2024-10-02"), false); // a day late: miss
    let b = f.child("2012-01-01");
    let pb = f.care(&b, &long, None);
    f.cla_review(&pb, "2024-03-31", Some("2024-03-31"), false); // due before the period: out
    f.cla_review(&pb, "2025-03-31", None, false); // due today, not held: not late yet, out
    f.cla_review(&pb, "2025-03-30", None, false); // due yesterday, not held: miss
    let c = f.child("2012-01-01");
    let pc = f.care(&c, &long, None);
    f.cla_review(&pc, "2024-12-01", Some("2024-11-20"), true); // cancelled: not held, miss
    f.cla_review(&pc, "2025-03-31", Some("2025-03-31"), false); // due last day, held: hit
    f.cla_review(&pc, "2025-04-01", Some("2025-03-31"), false); // due after the period: out
                                                                // Units: a×2, b's 30 March, c×2 = 5; hits: a's first, c's 31 March = 2.
    let fig = f.eval("cla_reviews_on_time", AS_AT);
    assert_counts(&fig, 2.0, Some(5.0));
    assert_eq!(fig.value, Some(40.0));
}
