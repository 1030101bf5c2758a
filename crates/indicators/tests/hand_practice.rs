//! Hand-built cases for the adoption scorecard measures (A1, A10, A2; spec §5.5) and the
//! practice and workforce measures (unallocated cases, caseloads, changes of worker): each
//! test's expected numerator and denominator are worked out in its comments.
//!
//! Adoption measures are means of calendar-day differences (`end − start`): the numerator is
//! the sum of the days, the denominator the number of children.

mod common;
use common::*;

use indicators::Params;
use model::codes::{
    LegalStatus as Ls, PlacementType as Pl, ReasonEpisodeCeased as Rec, ReasonNewEpisode as Rne,
};

const AS_AT: &str = "2025-03-31";

/// Children adopted (episode ceased E11/E12) in the 3 years to 31 March 2025, i.e. from
/// 1 April 2022 to 31 March 2025 inclusive.
fn adoption_fixture() -> Fixture {
    let mut f = Fixture::new();
    // a: entered care 1 Jan 2022; placement order (E1) 1 Jun 2022; matched 1 Nov 2022; moved
    // in with the adopters (A6) 1 Jan 2023; adopted 1 Dec 2023.
    // A1 = A10 = 1 Jan 2022 → 1 Jan 2023 = 365. A2 = 1 Jun → 1 Nov 2022 = 153.
    let a = f.child("2020-01-01");
    let pa = f.care(
        &a,
        &[
            ("2022-01-01", Rne::S, Pl::U6, Ls::C2),
            ("2022-06-01", Rne::L, Pl::U6, Ls::E1),
            ("2023-01-01", Rne::P, Pl::A6, Ls::E1),
        ],
        Some(("2023-12-01", Rec::E11)),
    );
    f.permanence(&a, &pa, Some("2022-11-01"), Some("2023-01-01"), false, None);
    // b: adopted by the foster carer: entered care 1 Feb 2022 (U6), moved to the foster
    // carer who adopts 1 May 2022 (U4), placed for adoption with them (A5, same carer: RNE U)
    // with the placement order on 1 Mar 2023; matched 15 Jan 2023, before the order.
    // A1 = 1 Feb 2022 → 1 Mar 2023 = 393. A10 stops when the child moved in with the carers
    // as foster carers: 1 Feb → 1 May 2022 = 89. A2 = 0 (matched before the order).
    let b = f.child("2020-01-01");
    let pb = f.care(
        &b,
        &[
            ("2022-02-01", Rne::S, Pl::U6, Ls::C2),
            ("2022-05-01", Rne::P, Pl::U4, Ls::C2),
            ("2023-03-01", Rne::U, Pl::A5, Ls::E1),
        ],
        Some(("2024-03-01", Rec::E12)),
    );
    f.permanence(
        &b,
        &pb,
        Some("2023-01-15"),
        Some("2023-03-01"),
        true,
        Some("2022-05-01"),
    );
    // c: adopted 31 March 2022, the day before the window: out of all three.
    let c = f.child("2019-01-01");
    let pc = f.care(
        &c,
        &[
            ("2020-01-01", Rne::S, Pl::U6, Ls::C2),
            ("2021-01-01", Rne::P, Pl::A6, Ls::E1),
        ],
        Some(("2022-03-31", Rec::E11)),
    );
    f.permanence(&c, &pc, Some("2020-12-01"), Some("2021-01-01"), false, None);
    // d2: adopted 1 April 2022, the first day of the window; no placement or freeing order
    // (C2 throughout) and no permanence record. A1 = A10 = 1 Apr → 1 Oct 2021 = 183; not in A2.
    let d2 = f.child("2019-01-01");
    f.care(
        &d2,
        &[
            ("2021-04-01", Rne::S, Pl::U6, Ls::C2),
            ("2021-10-01", Rne::P, Pl::A4, Ls::C2),
        ],
        Some(("2022-04-01", Rec::E11)),
    );
    // e: left care under a special guardianship order: not adopted, out.
    let e = f.child("2019-01-01");
    let pe = f.care(
        &e,
        &[("2022-01-01", Rne::S, Pl::U4, Ls::C2)],
        Some(("2024-01-01", Rec::E45)),
    );
    f.permanence(&e, &pe, Some("2023-01-01"), None, false, None);
    // g: adopted 31 March 2025 (last day); no A3–A6 episode, so the recorded date placed for
    // adoption (1 Apr 2024) is the move; freeing order (D1) 10 Jan 2024, matched 1 Mar 2024.
    // A1 = A10 = 1 Jun 2023 → 1 Apr 2024 = 305. A2 = 10 Jan → 1 Mar 2024 = 51.
    let g = f.child("2019-01-01");
    let pg = f.care(
        &g,
        &[
            ("2023-06-01", Rne::S, Pl::U6, Ls::C2),
            ("2024-01-10", Rne::L, Pl::U6, Ls::D1),
        ],
        Some(("2025-03-31", Rec::E11)),
    );
    f.permanence(&g, &pg, Some("2024-03-01"), Some("2024-04-01"), false, None);
    // h: adopted in the window with an order and a match but never placed for adoption (no
    // A3–A6 episode, no date placed): left out of A1, A10 and A2.
    let h = f.child("2019-01-01");
    let ph = f.care(
        &h,
        &[
            ("2022-01-01", Rne::S, Pl::U6, Ls::C2),
            ("2022-08-01", Rne::L, Pl::U6, Ls::E1),
        ],
        Some(("2024-01-01", Rec::E11)),
    );
    f.permanence(&h, &ph, Some("2022-10-01"), None, false, None);
    f
}

/// A1: a 365, b 393, d2 183, g 305 → 1,246 days over 4 children (311.5).
#[test]
fn adoption_a1_entering_care_to_moving_in() {
    let f = adoption_fixture();
    let fig = f.eval("adoption_a1", AS_AT);
    assert_counts(&fig, 1246.0, Some(4.0));
    assert_eq!(fig.value, Some(311.5));
    assert_eq!(fig.children, 4);
}

/// A10: as A1 but b (adopted by the foster carer) counts 89, not 393:
/// 365 + 89 + 183 + 305 = 942 over 4 (235.5).
#[test]
fn adoption_a10_stops_the_clock_for_foster_carer_adoptions() {
    let f = adoption_fixture();
    let fig = f.eval("adoption_a10", AS_AT);
    assert_counts(&fig, 942.0, Some(4.0));
    assert_eq!(fig.value, Some(235.5));
}

/// A2: a 153, b 0 (matched before the order), g 51 → 204 over 3 (68); d2 has no order and h
/// was never placed.
#[test]
fn adoption_a2_authority_to_match() {
    let f = adoption_fixture();
    let fig = f.eval("adoption_a2", AS_AT);
    assert_counts(&fig, 204.0, Some(3.0));
    assert_eq!(fig.value, Some(68.0));
}

/// Over 1 year (adopted 1 April 2024 to 31 March 2025) only g remains: 305 days; 51 for A2.
#[test]
fn adoption_years_parameter_narrows_the_window() {
    let f = adoption_fixture();
    let one = Params {
        adoption_years: 1,
        ..Default::default()
    };
    assert_counts(&f.eval_with("adoption_a1", AS_AT, &one), 305.0, Some(1.0));
    assert_counts(&f.eval_with("adoption_a10", AS_AT, &one), 305.0, Some(1.0));
    assert_counts(&f.eval_with("adoption_a2", AS_AT, &one), 51.0, Some(1.0));
}

/// Open cases on 31 March 2025 (a referral on or before it not closed by it) and their
/// allocations (an allocation ending on the date has ended; one starting on it is open).
fn practice_fixture() -> Fixture {
    let mut f = Fixture::new();
    // a: open, W1 since 2024-01-01.
    let a = f.child("2015-01-01");
    f.referral(&a, "2024-01-01", None);
    f.allocate(&a, "W1", "2024-01-01", None);
    // b: open; W1's allocation ended on the as-at date: unallocated. Workers in the 12 months
    // (1 Apr 2024 – 31 Mar 2025): W3, W4, W1 = 3.
    let b = f.child("2015-01-01");
    f.referral(&b, "2024-02-01", None);
    f.allocate(&b, "W3", "2024-05-01", Some("2024-09-01"));
    f.allocate(&b, "W4", "2024-09-01", Some("2025-01-01"));
    f.allocate(&b, "W1", "2025-01-01", Some("2025-03-31"));
    // c: open, never allocated.
    let c = f.child("2015-01-01");
    f.referral(&c, "2024-06-01", Some("2025-04-30"));
    // d2: open, W2 from the as-at date itself: allocated. Workers in the 12 months: W3 (to
    // 2 Apr 2024), W2 = 2; W1's allocation ended 31 March 2024, before them.
    let d2 = f.child("2015-01-01");
    f.referral(&d2, "2023-01-01", None);
    f.allocate(&d2, "W1", "2023-01-01", Some("2024-03-31"));
    f.allocate(&d2, "W3", "2024-03-01", Some("2024-04-02"));
    f.allocate(&d2, "W2", "2025-03-31", None);
    // e: referral closed on the as-at date: not open (its allocation does not count).
    let e = f.child("2015-01-01");
    f.referral(&e, "2024-01-01", Some("2025-03-31"));
    f.allocate(&e, "W4", "2024-01-01", None);
    // e2: referred after the as-at date: not open.
    let e2 = f.child("2015-01-01");
    f.referral(&e2, "2025-04-01", None);
    // g: open, W3 then W2, W4 and W2 again: W2 now; distinct workers W3, W2, W4 = 3.
    let g = f.child("2015-01-01");
    f.referral(&g, "2024-04-01", None);
    f.allocate(&g, "W3", "2024-04-02", Some("2024-06-01"));
    f.allocate(&g, "W2", "2024-06-01", Some("2024-08-01"));
    f.allocate(&g, "W4", "2024-08-01", Some("2024-10-01"));
    f.allocate(&g, "W2", "2024-10-01", None);
    f
}

/// Unallocated: open cases a, b, c, d2, g; without an allocation on 31 March: b, c = 2
/// (a count: no denominator).
#[test]
fn unallocated_cases_counts_open_cases_without_a_worker() {
    let f = practice_fixture();
    let fig = f.eval("unallocated_cases", AS_AT);
    assert_counts(&fig, 2.0, None);
    assert_eq!(fig.value, Some(2.0));
}

/// Caseload: allocated open cases a (W1), d2 (W2), g (W2) = 3, over the workers holding
/// them, W1 and W2 = 2: 1.5.
#[test]
fn caseload_per_worker_divides_cases_by_workers_holding_one() {
    let f = practice_fixture();
    let fig = f.eval("caseload_per_worker", AS_AT);
    assert_counts(&fig, 3.0, Some(2.0));
    assert_eq!(fig.value, Some(1.5));
}

/// Many workers: open cases a (1 worker), b (3), c (0), d2 (2), g (3): 2 of 5 have 3 or
/// more; with the threshold at 2, d2 joins them: 3 of 5.
#[test]
fn many_workers_12m_counts_distinct_workers_in_the_year() {
    let f = practice_fixture();
    let fig = f.eval("many_workers_12m", AS_AT);
    assert_counts(&fig, 2.0, Some(5.0));
    assert_eq!(fig.value, Some(40.0));
    let two = Params {
        many_workers: 2,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("many_workers_12m", AS_AT, &two),
        3.0,
        Some(5.0),
    );
}
