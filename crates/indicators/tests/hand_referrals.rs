//! Hand-built cases for the referral, assessment, section 47 and child-in-need indicators:
//! each test's expected numerator and denominator are worked out in its comments.

mod common;
use common::*;

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
