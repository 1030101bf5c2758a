//! Hand-built cases for the referral, assessment, section 47 and child-in-need indicators:
//! each test's expected numerator and denominator are worked out in its comments.

mod common;
use common::*;
use indicators::Params;
use model::codes::ReferralSource;

/// Referrals per 10,000: referrals (not children) dated in the 12 months to 31 March 2025,
/// i.e. 1 April 2024 to 31 March 2025 inclusive.
#[test]
fn referrals_rate_counts_referrals_in_the_period() {
    let mut f = Fixture::new();
    f.population = 20_000;
    let a = f.child("2015-01-01");
    f.referral(&a, "2024-04-01", Some("2024-05-01")); // first day: in
    f.referral(&a, "2025-03-31", None); // last day: in (same child counts twice)
    let b = f.child("2016-01-01");
    f.referral(&b, "2024-03-31", Some("2024-04-10")); // the day before: out
    f.referral(&b, "2025-04-01", None); // after: out
    let fig = f.eval("referrals_rate", "2025-03-31");
    // 2 referrals / 20,000 × 10,000 = 1.0
    assert_counts(&fig, 2.0, Some(20_000.0));
    assert_eq!(fig.value, Some(1.0));
    assert_eq!(fig.children, 1);
    assert!(fig.suppress, "2 is a small number");
}

/// Re-referral: an earlier referral on or after the same date 12 months before.
#[test]
fn rereferral_exactly_twelve_months_later_counts() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    f.referral(&a, "2023-06-15", Some("2023-07-01"));
    f.referral(&a, "2024-06-15", Some("2024-07-01")); // exactly 12 months: re-referral
    let b = f.child("2015-01-01");
    f.referral(&b, "2023-06-14", Some("2023-07-01"));
    f.referral(&b, "2024-06-15", Some("2024-07-01")); // 12 months and a day: not
    let c = f.child("2015-01-01");
    f.referral(&c, "2024-09-01", Some("2024-09-02"));
    f.referral(&c, "2024-09-01", Some("2024-09-03")); // same day: not "earlier"
                                                      // Referrals in the period: a's second, b's second, c's two = 4; re-referrals: a's only.
    let fig = f.eval("rereferrals_12m", "2025-03-31");
    assert_counts(&fig, 1.0, Some(4.0));
    assert_eq!(fig.value, Some(25.0));
}

/// Re-referrals: an earlier referral before the period still makes one; the window is 12
/// calendar months with end-of-month clamping (spec §6.2), so a referral on 28 February 2025
/// looks back to 28 February 2024 and a referral on 29 February 2024 is inside it.
#[test]
fn rereferral_window_reaches_before_the_period_and_clamps_at_month_end() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    f.referral(&a, "2023-05-01", Some("2023-05-20")); // before the period
    f.referral(&a, "2024-04-30", Some("2024-05-20")); // 2024-04-30 − 12 months = 2023-04-30 ≤ 2023-05-01: hit
    let b = f.child("2012-01-01");
    f.referral(&b, "2024-02-29", Some("2024-03-10"));
    f.referral(&b, "2025-02-28", None); // 2025-02-28 − 12 months = 2024-02-28 ≤ 2024-02-29: hit
    let c = f.child("2012-01-01");
    f.referral(&c, "2024-02-28", Some("2024-03-10"));
    f.referral(&c, "2025-02-28", None); // exactly 12 months back: hit
    let e = f.child("2012-01-01");
    f.referral(&e, "2024-02-27", Some("2024-03-10"));
    f.referral(&e, "2025-02-28", None); // a day more than 12 months: miss
                                        // In the period (2024-04-01..2025-03-31): a's second, b's second, c's second, e's second = 4
                                        // referrals; re-referrals: a, b, c = 3.
    let fig = f.eval("rereferrals_12m", "2025-03-31");
    assert_counts(&fig, 3.0, Some(4.0));
    assert_eq!(fig.value, Some(75.0));
    assert_eq!(fig.children, 4);
}

/// Re-referral parameters: `rereferral_counts_nfa = false` ignores an earlier referral that
/// ended in no further action; `rereferral_months = 6` shortens the window.
#[test]
fn rereferral_parameters_nfa_and_window() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    f.referral_with(
        &a,
        "2024-05-01",
        Some("2024-05-02"),
        ReferralSource::S6,
        true,
    ); // NFA
    f.referral(&a, "2024-08-01", None); // re-referral only if NFA referrals count
    let b = f.child("2012-01-01");
    f.referral(&b, "2024-05-01", Some("2024-06-01"));
    f.referral(&b, "2024-11-01", None); // 6 months exactly after the first
    let c = f.child("2012-01-01");
    f.referral(&c, "2024-04-30", Some("2024-06-01"));
    f.referral(&c, "2024-11-01", None); // 6 months and a day after
                                        // Referrals in the period: 6 (all dated 2024-04-30..2024-11-01).
                                        // Defaults (12 months, NFA counts): a's, b's and c's second referrals = 3.
    assert_counts(&f.eval("rereferrals_12m", "2025-03-31"), 3.0, Some(6.0));
    // NFA referrals don't count: a's second is no longer one → 2 (b, c).
    let no_nfa = Params {
        rereferral_counts_nfa: false,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("rereferrals_12m", "2025-03-31", &no_nfa),
        2.0,
        Some(6.0),
    );
    // 6 months: a (3 months, NFA counts) and b (2024-11-01 − 6 months = 2024-05-01) = 2;
    // c's earlier referral (2024-04-30) is a day too early.
    let six = Params {
        rereferral_months: 6,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("rereferrals_12m", "2025-03-31", &six),
        2.0,
        Some(6.0),
    );
}

/// NFA share: referrals in the period recorded as no further action, over all referrals in
/// it; 1 April and 31 March are both inside. `period_months = 6` narrows the period to
/// 1 October 2024 .. 31 March 2025.
#[test]
fn referrals_nfa_counts_nfa_referrals_in_the_period() {
    let mut f = Fixture::new();
    let a = f.child("2010-01-01");
    let b = f.child("2011-01-01");
    let s6 = ReferralSource::S6;
    f.referral_with(&a, "2024-03-31", Some("2024-04-01"), s6, true); // the day before: out
    f.referral_with(&a, "2024-04-01", Some("2024-04-02"), s6, true); // first day: NFA
    f.referral_with(&a, "2024-10-10", Some("2024-12-01"), s6, false);
    f.referral_with(&b, "2025-01-01", None, s6, false);
    f.referral_with(&b, "2025-03-31", Some("2025-03-31"), s6, true); // last day: NFA
    f.referral_with(&b, "2025-04-01", None, s6, true); // after: out
                                                       // 4 referrals in the period, 2 NFA → 50%.
    let fig = f.eval("referrals_nfa", "2025-03-31");
    assert_counts(&fig, 2.0, Some(4.0));
    assert_eq!(fig.value, Some(50.0));
    // 6 months (2024-10-01..2025-03-31): 2024-10-10, 2025-01-01, 2025-03-31 (NFA) → 1 of 3.
    let six = Params {
        period_months: 6,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("referrals_nfa", "2025-03-31", &six),
        1.0,
        Some(3.0),
    );
}

/// Referral sources: one referral of each of the 22 codes in the period, plus one of each
/// group outside it. Every share has the 22 in-period referrals as denominator; the
/// numerators are the sizes of the catalogue's groups: police 6 (1), schools 2A–2B (2),
/// health 3A–3F (6), LA 5A–5D (4), individuals 1A–1D (4), other 4, 7, 8, 9, 10 (5).
#[test]
fn referral_sources_group_the_codes_as_the_catalogue_says() {
    use ReferralSource::*;
    let mut f = Fixture::new();
    let codes = [
        S1A, S1B, S1C, S1D, S2A, S2B, S3A, S3B, S3C, S3D, S3E, S3F, S4, S5A, S5B, S5C, S5D, S6, S7,
        S8, S9, S10,
    ];
    for (k, &code) in codes.iter().enumerate() {
        let c = f.child("2012-06-01");
        // In the period: 2024-04-01 .. 2024-04-22 (the first on the period's first day).
        let date = format!("2024-04-{:02}", k + 1);
        f.referral_with(&c, &date, None, code, false);
    }
    let out = f.child("2012-06-01");
    for code in [S6, S2A, S3A, S5A, S1A, S4] {
        f.referral_with(&out, "2024-03-31", Some("2024-03-31"), code, false); // day before
        f.referral_with(&out, "2025-04-01", None, code, false); // day after
    }
    for (id, hits) in [
        ("referral_source_police", 1.0),
        ("referral_source_schools", 2.0),
        ("referral_source_health", 6.0),
        ("referral_source_la", 4.0),
        ("referral_source_individual", 4.0),
        ("referral_source_other", 5.0),
    ] {
        let fig = f.eval(id, "2025-03-31");
        assert_counts(&fig, hits, Some(22.0));
        assert_eq!(fig.children, 22, "{id}");
    }
}

/// Each referral-source share on its own small case, with a referral on the period's last
/// day (31 March) counted: two referrals of the group and one of another group in the
/// period → 2 of 3.
#[test]
fn referral_source_each_group_on_the_period_edges() {
    use ReferralSource::*;
    for (id, a, b, other) in [
        ("referral_source_police", S6, S6, S8),
        ("referral_source_schools", S2A, S2B, S6),
        ("referral_source_health", S3A, S3F, S2A),
        ("referral_source_la", S5A, S5D, S3A),
        ("referral_source_individual", S1A, S1D, S5B),
        ("referral_source_other", S4, S10, S1C),
    ] {
        let mut f = Fixture::new();
        let c = f.child("2014-01-01");
        f.referral_with(&c, "2024-04-01", Some("2024-04-02"), a, false);
        f.referral_with(&c, "2025-03-31", None, b, false);
        f.referral_with(&c, "2024-09-09", Some("2024-10-02"), other, false);
        f.referral_with(&c, "2025-04-01", None, a, false); // after the period
        assert_counts(&f.eval(id, "2025-03-31"), 2.0, Some(3.0));
    }
}

/// Assessments within 45 working days, start day = day 0, England and Wales bank holidays
/// skipped. From Monday 2 December 2024: Dec 3–6 (4), 9–13 (9), 16–20 (14), 23, 24, 27 (17;
/// 25 and 26 Dec are holidays), 30, 31, Jan 2, 3 (21; 1 Jan a holiday), Jan 6–10 (26),
/// 13–17 (31), 20–24 (36), 27–31 (41), Feb 3, 4, 5, 6 (45): Thursday 6 February 2025 is day
/// 45 and Friday 7 February day 46. (Without the holidays day 45 would be 3 February.)
#[test]
fn assessments_45wd_boundary_across_bank_holidays() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    let r = f.referral(&a, "2024-11-29", None);
    f.assessment(&a, &r, "2024-12-02", Some("2025-02-06")); // 45: within
    f.assessment(&a, &r, "2024-12-02", Some("2025-02-07")); // 46: late
    f.assessment(&a, &r, "2024-12-02", Some("2025-02-03")); // 42: within
    let b = f.child("2016-01-01");
    let r = f.referral(&b, "2024-06-03", None);
    f.assessment(&b, &r, "2024-06-10", Some("2024-06-10")); // same day: 0, within
    f.assessment(&b, &r, "2024-06-10", None); // not authorised: not counted
                                              // 4 authorised in the period, 3 within 45 → 75%.
    let fig = f.eval("assessments_45wd", "2025-03-31");
    assert_counts(&fig, 3.0, Some(4.0));
    assert_eq!(fig.value, Some(75.0));
    // The threshold is a parameter: within 42 working days → 0 and 42 = 2 of 4.
    let p42 = Params {
        assessment_working_days: 42,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("assessments_45wd", "2025-03-31", &p42),
        2.0,
        Some(4.0),
    );
}

/// Assessments count in the period of their authorisation, 1 April and 31 March included.
/// Timeliness: Thursday 28 March 2024 → Tuesday 2 April 2024 is 1 working day (Good Friday
/// 29 March and Easter Monday 1 April are holidays); a Saturday start is day 0 and the next
/// Monday day 1.
#[test]
fn assessments_45wd_period_is_inclusive() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    let r = f.referral(&a, "2024-01-02", None);
    f.assessment(&a, &r, "2024-01-15", Some("2024-03-31")); // day before: out
    f.assessment(&a, &r, "2024-03-28", Some("2024-04-01")); // first day: in, 0 working days
    f.assessment(&a, &r, "2024-03-28", Some("2024-04-02")); // 1
    f.assessment(&a, &r, "2024-06-15", Some("2024-06-17")); // Saturday start: 1
    f.assessment(&a, &r, "2024-10-01", Some("2025-03-31")); // last day: in, far over 45
    f.assessment(&a, &r, "2025-03-31", Some("2025-04-01")); // after: out
                                                            // 4 in the period; the last (Oct → Mar) is late: 3 of 4.
    assert_counts(&f.eval("assessments_45wd", "2025-03-31"), 3.0, Some(4.0));
}

/// Mean working days to complete an assessment: the numerator is the sum of the working days
/// of assessments authorised in the period, the denominator their number. With the cases of
/// the boundary test: 45 + 46 + 0 + 1 (Thursday 28 March → Tuesday 2 April 2024, over Easter)
/// = 92 over 4 → 23.
#[test]
fn assessment_working_days_is_the_mean_of_day_counts() {
    let mut f = Fixture::new();
    let a = f.child("2015-01-01");
    let r = f.referral(&a, "2024-03-01", None);
    f.assessment(&a, &r, "2024-12-02", Some("2025-02-06")); // 45
    f.assessment(&a, &r, "2024-12-02", Some("2025-02-07")); // 46
    f.assessment(&a, &r, "2024-06-10", Some("2024-06-10")); // 0
    f.assessment(&a, &r, "2024-03-28", Some("2024-04-02")); // 1
    f.assessment(&a, &r, "2024-03-01", Some("2024-03-31")); // authorised before: out
    f.assessment(&a, &r, "2025-03-03", None); // not authorised: out
    let fig = f.eval("assessment_working_days", "2025-03-31");
    assert_counts(&fig, 92.0, Some(4.0));
    assert_eq!(fig.value, Some(23.0));
    assert!(fig.suppress, "a mean over 4 records is suppressed");
}

/// Section 47 enquiries per 10,000: enquiries (not children) starting in the period, both
/// ends included. 3 enquiries / 5,000 children × 10,000 = 6.
#[test]
fn s47_rate_counts_enquiries_started_in_the_period() {
    let mut f = Fixture::new();
    f.population = 5_000;
    let a = f.child("2013-01-01");
    let r = f.referral(&a, "2024-03-01", None);
    f.s47(&a, &r, "2024-03-31"); // the day before: out
    f.s47(&a, &r, "2024-04-01"); // first day: in
    f.s47(&a, &r, "2024-09-12"); // the same child again: in
    let b = f.child("2014-01-01");
    let r = f.referral(&b, "2025-03-01", None);
    f.s47(&b, &r, "2025-03-31"); // last day: in
    f.s47(&b, &r, "2025-04-01"); // after: out
    let fig = f.eval("s47_rate", "2025-03-31");
    assert_counts(&fig, 3.0, Some(5_000.0));
    assert!((fig.value.unwrap() - 6.0).abs() < 1e-9, "{fig:?}");
    assert_eq!(fig.children, 2);
}

/// ICPCs within 15 working days of the section 47 start. From Monday 16 December 2024:
/// Dec 17–20 (4), 23, 24, 27 (7), 30, 31, Jan 2, 3 (11), Jan 6, 7, 8, 9 (15): Thursday
/// 9 January 2025 is day 15, Friday 10 January day 16. Transfer-in conferences, ICPCs
/// without an enquiry and ICPCs dated before their enquiry are left out of both counts.
#[test]
fn icpc_15wd_boundary_and_exclusions() {
    let mut f = Fixture::new();
    let a = f.child("2013-01-01");
    let r = f.referral(&a, "2024-12-13", None);
    let s = f.s47(&a, &r, "2024-12-16");
    f.icpc(&a, &r, Some(&s), "2025-01-09", false); // 15: within
    let b = f.child("2013-01-01");
    let r = f.referral(&b, "2024-12-13", None);
    let s = f.s47(&b, &r, "2024-12-16");
    f.icpc(&b, &r, Some(&s), "2025-01-10", false); // 16: late
    let c = f.child("2013-01-01");
    let r = f.referral(&c, "2024-06-03", None);
    let s = f.s47(&c, &r, "2024-06-03");
    f.icpc(&c, &r, Some(&s), "2024-06-03", false); // same day: 0, within
    let e = f.child("2013-01-01");
    let r = f.referral(&e, "2024-07-01", None);
    let s = f.s47(&e, &r, "2024-07-01");
    f.icpc(&e, &r, Some(&s), "2024-09-30", true); // transfer-in: out
    f.icpc(&e, &r, None, "2024-10-30", false); // no enquiry: out
    let s = f.s47(&e, &r, "2024-11-11");
    f.icpc(&e, &r, Some(&s), "2024-11-08", false); // before its enquiry: out
                                                   // 3 ICPCs counted (a, b, c), 2 within 15 working days.
    let fig = f.eval("icpc_15wd", "2025-03-31");
    assert_counts(&fig, 2.0, Some(3.0));
    // The threshold is a parameter: with 16 working days b is in time too.
    let p16 = Params {
        icpc_working_days: 16,
        ..Default::default()
    };
    assert_counts(
        &f.eval_with("icpc_15wd", "2025-03-31", &p16),
        3.0,
        Some(3.0),
    );
}

/// ICPCs count in the period of the conference date (1 April and 31 March included), even
/// when the enquiry started before the period. Monday 25 March 2024 → Monday 1 April 2024 is
/// 3 working days (26, 27, 28; Good Friday and Easter Monday are holidays).
#[test]
fn icpc_15wd_period_is_inclusive() {
    let mut f = Fixture::new();
    let a = f.child("2013-01-01");
    let r = f.referral(&a, "2024-03-20", None);
    let s = f.s47(&a, &r, "2024-03-25");
    f.icpc(&a, &r, Some(&s), "2024-03-31", false); // the day before: out
    f.icpc(&a, &r, Some(&s), "2024-04-01", false); // first day: in, 3 working days
    let b = f.child("2013-01-01");
    let r = f.referral(&b, "2025-02-20", None);
    let s = f.s47(&b, &r, "2025-02-24");
    f.icpc(&b, &r, Some(&s), "2025-03-31", false); // last day: in, 25 working days: late
    f.icpc(&b, &r, Some(&s), "2025-04-01", false); // after: out
                                                   // 2 counted, 1 within.
    assert_counts(&f.eval("icpc_15wd", "2025-03-31"), 1.0, Some(2.0));
}

/// Children in need per 10,000 at the as-at date: children (not referrals) with a referral
/// on or before it not closed by it — a referral closed on the as-at date has closed, one
/// starting on it is open.
#[test]
fn cin_rate_counts_children_with_an_open_episode() {
    let mut f = Fixture::new();
    let a = f.child("2012-01-01");
    f.referral(&a, "2025-03-31", None); // starts on the as-at date: in
    let b = f.child("2012-01-01");
    f.referral(&b, "2024-01-01", Some("2025-03-31")); // closed on it: out
    let c = f.child("2012-01-01");
    f.referral(&c, "2020-05-01", Some("2025-04-01")); // closed the day after: in
    let e = f.child("2012-01-01");
    f.referral(&e, "2025-04-01", None); // starts after: out
    let g = f.child("2012-01-01");
    f.referral(&g, "2023-01-01", None);
    f.referral(&g, "2024-06-01", None); // two open episodes: one child
    let h = f.child("2012-01-01");
    f.referral(&h, "2024-05-01", Some("2024-06-01")); // closed long before: out
                                                      // a, c, g = 3 children; population 10,000 → 3 per 10,000.
    let fig = f.eval("cin_rate", "2025-03-31");
    assert_counts(&fig, 3.0, Some(10_000.0));
    assert!((fig.value.unwrap() - 3.0).abs() < 1e-9, "{fig:?}");
    assert_eq!(fig.children, 3);
}
