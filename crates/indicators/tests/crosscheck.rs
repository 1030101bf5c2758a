//! Cross-check: indicators computed from the case model agree with the same measures computed
//! directly from Sightline's own CIN census and SSDA903 exports of that model (written to XML
//! and read back, as the DfE would receive them), the way an analyst would count them from
//! the return.

use formats::ssda903::{Accom, Flag};
use indicators::{evaluate, find, Figure, Params, Point, Prepared};
use model::calendar::HolidayCalendar;
use model::codes::{InTouch, ReasonNewEpisode, Suitability};
use model::{CollectionYear, Date};

fn fig(p: &Prepared, id: &str, at: Point) -> Figure {
    evaluate(p, &Params::default(), find(id).unwrap(), at).figure
}

#[test]
fn model_and_returns_give_the_same_figures() {
    let year_end = Date::ymd(2025, 3, 31);
    let cfg = synth::Config::new(20_000, 11, year_end);
    let g = synth::generate(&cfg, &|_, _| {});
    let year = CollectionYear::ending(2025);
    let p = Prepared::new(&g.model);
    let at = Point::ending(year_end, 12);
    let cal = HolidayCalendar::england_and_wales();
    let in_year = |d: Date| d >= year.start() && d <= year.end();

    // CIN census, through its XML.
    let xml = formats::cin::write(&formats::cin::derive(&g.model, year));
    let census = formats::cin::read("cin.xml", &xml, Some(year)).expect("reads back");
    let details = || census.children.iter().flat_map(|c| c.details.iter());

    let referrals = details().filter(|d| in_year(d.referral_date)).count() as f64;
    assert_eq!(fig(&p, "referrals_rate", at).numerator, referrals);
    let nfa = details()
        .filter(|d| in_year(d.referral_date) && d.referral_nfa)
        .count() as f64;
    assert_eq!(fig(&p, "referrals_nfa", at).numerator, nfa);

    let (mut done, mut timely) = (0.0, 0.0);
    for a in details().flat_map(|d| d.assessments.iter()) {
        if let Some(auth) = a.authorisation_date.filter(|&d| in_year(d)) {
            done += 1.0;
            if cal.working_days_between(a.start_date.0, auth.0) <= 45 {
                timely += 1.0;
            }
        }
    }
    let f = fig(&p, "assessments_45wd", at);
    assert_eq!((f.numerator, f.denominator), (timely, Some(done)));

    let s47s = details()
        .flat_map(|d| d.section47s.iter())
        .filter(|s| in_year(s.start_date))
        .count() as f64;
    assert_eq!(fig(&p, "s47_rate", at).numerator, s47s);

    let (mut icpcs, mut icpc_timely) = (0.0, 0.0);
    for s in details().flat_map(|d| d.section47s.iter()) {
        if let Some(c) = s
            .initial_cpc_date
            .filter(|&c| in_year(c) && c >= s.start_date)
        {
            icpcs += 1.0;
            if cal.working_days_between(s.start_date.0, c.0) <= 15 {
                icpc_timely += 1.0;
            }
        }
    }
    let f = fig(&p, "icpc_15wd", at);
    assert_eq!((f.numerator, f.denominator), (icpc_timely, Some(icpcs)));

    let on_plan = census
        .children
        .iter()
        .filter(|c| {
            c.details
                .iter()
                .flat_map(|d| d.cp_plans.iter())
                .any(|cp| cp.start_date <= year_end && cp.end_date.is_none_or(|e| e > year_end))
        })
        .count() as f64;
    assert_eq!(fig(&p, "cp_rate", at).numerator, on_plan);

    let (mut ended, mut long) = (0.0, 0.0);
    for cp in details().flat_map(|d| d.cp_plans.iter()) {
        if let Some(e) = cp.end_date.filter(|&e| in_year(e)) {
            ended += 1.0;
            if e.0 >= model::calendar::add_years(cp.start_date.0, 2) {
                long += 1.0;
            }
        }
    }
    let f = fig(&p, "cp_ended_2yrs", at);
    assert_eq!((f.numerator, f.denominator), (long, Some(ended)));

    // SSDA903, through its XML.
    let ret = formats::ssda903::derive(&g.model, year);
    let ret = formats::ssda903::read_xml("903.xml", &formats::ssda903::write_xml(&ret), year)
        .expect("reads back");
    let mut looked_after: Vec<&str> = ret
        .episodes
        .iter()
        .filter(|e| e.decom <= year_end && e.dec.is_none_or(|d| d > year_end))
        .filter(|e| !e.ls.is_short_break())
        .map(|e| e.child.as_str())
        .collect();
    looked_after.sort();
    looked_after.dedup();
    let cla = fig(&p, "cla_rate", at);
    assert_eq!(cla.numerator, looked_after.len() as f64);

    let started: std::collections::BTreeSet<&str> = ret
        .episodes
        .iter()
        .filter(|e| e.rne == ReasonNewEpisode::S && in_year(e.decom) && !e.ls.is_short_break())
        .map(|e| e.child.as_str())
        .collect();
    assert_eq!(
        fig(&p, "cla_started_rate", at).numerator,
        started.len() as f64
    );

    let oc2 = ret.oc2.len() as f64;
    let ha = ret
        .oc2
        .iter()
        .filter(|r| r.health_assessment == Some(Flag(true)))
        .count() as f64;
    let f = fig(&p, "oc2_health_assessment", at);
    assert_eq!((f.numerator, f.denominator), (ha, Some(oc2)));
    let teeth = ret
        .oc2
        .iter()
        .filter(|r| r.teeth_check == Some(Flag(true)))
        .count() as f64;
    assert_eq!(fig(&p, "oc2_dental_check", at).numerator, teeth);

    // OC3: the 17–18 and 19–21 cohorts, less those who died or returned home.
    for (young, ids) in [
        (
            true,
            [
                "leavers_in_touch_17_18",
                "leavers_suitable_17_18",
                "leavers_eet_17_18",
            ],
        ),
        (
            false,
            [
                "leavers_in_touch_19_21",
                "leavers_suitable_19_21",
                "leavers_eet_19_21",
            ],
        ),
    ] {
        let rows: Vec<_> = ret
            .oc3
            .iter()
            .filter(|r| {
                let age = model::calendar::age_in_years(r.dob.0, year_end.0);
                // The birthday in the year: 17 or 18 for the young cohort.
                let birthday_age = if model::calendar::add_years(r.dob.0, age) >= year.start().0 {
                    age
                } else {
                    age + 1
                };
                (birthday_age <= 18) == young
            })
            .filter(|r| !matches!(r.in_touch, InTouch::Died | InTouch::Rhom))
            .collect();
        let n = rows.len() as f64;
        let touch = rows.iter().filter(|r| r.in_touch == InTouch::Yes).count() as f64;
        let suitable = rows
            .iter()
            .filter(|r| matches!(r.accom, Some(Accom::Known(_, Suitability::Suitable))))
            .count() as f64;
        let eet = rows
            .iter()
            .filter(|r| r.activ.is_some_and(|a| a.is_eet()))
            .count() as f64;
        assert!(n > 0.0, "the generated authority has care leavers");
        for (id, want) in ids.iter().zip([touch, suitable, eet]) {
            let f = fig(&p, id, at);
            assert_eq!((f.numerator, f.denominator), (want, Some(n)), "{id}");
        }
    }
}
