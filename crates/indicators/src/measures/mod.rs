//! How each indicator of the catalogue is computed: one function per indicator id, returning
//! the units it counts at a point. Grouped by service area.

mod adoption;
mod cla;
mod cp;
mod leavers;
mod practice;
mod referrals;

use crate::compute::{ComputeFn, Unit};
use crate::index::Prepared;
use model::tables::{ProfessionalId, TeamId};
use model::Date;

/// How an indicator's units relate to the point it is evaluated at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The units depend on the as-at date (snapshots, overdue items, a child counted once per
    /// period).
    AtPoint,
    /// Each unit is one dated record (a referral, an enquiry, a plan's start…) whose team,
    /// worker, age and outcome do not depend on the point, counted in any period that holds
    /// its date. A series computes these units once and takes each period's slice.
    Dated,
}
use Kind::{AtPoint, Dated};

/// The ids that have a computation.
pub fn computed_ids() -> Vec<&'static str> {
    COMPUTE.iter().map(|(k, _, _)| *k).collect()
}

/// The computation for a catalogue id.
pub fn compute_fn(id: &str) -> Option<ComputeFn> {
    COMPUTE
        .iter()
        .find(|(k, _, _)| *k == id)
        .map(|(_, f, _)| *f)
}

/// How the indicator's units relate to the point (None for an unknown id).
pub fn kind(id: &str) -> Option<Kind> {
    COMPUTE
        .iter()
        .find(|(k, _, _)| *k == id)
        .map(|(_, _, k)| *k)
}

/// Every computation, by indicator id (a test checks this matches the catalogue exactly).
pub const COMPUTE: &[(&str, ComputeFn, Kind)] = &[
    ("referrals_rate", referrals::rate, Dated),
    ("rereferrals_12m", referrals::rereferrals, Dated),
    ("referrals_nfa", referrals::nfa, Dated),
    ("referral_source_police", referrals::source_police, Dated),
    ("referral_source_schools", referrals::source_schools, Dated),
    ("referral_source_health", referrals::source_health, Dated),
    ("referral_source_la", referrals::source_la, Dated),
    (
        "referral_source_individual",
        referrals::source_individual,
        Dated,
    ),
    ("referral_source_other", referrals::source_other, Dated),
    ("assessments_45wd", referrals::assessments_timely, Dated),
    ("assessment_working_days", referrals::assessment_days, Dated),
    ("s47_rate", referrals::s47_rate, Dated),
    ("icpc_15wd", referrals::icpc_timely, Dated),
    ("cin_rate", referrals::cin_rate, AtPoint),
    ("cp_rate", cp::rate, AtPoint),
    ("cp_ended_2yrs", cp::ended_two_years, Dated),
    ("cp_open_2yrs", cp::open_two_years, AtPoint),
    ("cp_second_ever", cp::second_ever, Dated),
    ("cp_second_2yrs", cp::second_within, Dated),
    ("cp_reviews_on_time", cp::reviews_on_time, AtPoint),
    ("cp_visits_on_time", cp::visits_on_time, AtPoint),
    ("cla_rate", cla::rate, AtPoint),
    ("cla_started_rate", cla::started_rate, AtPoint),
    ("cla_ceased_rate", cla::ceased_rate, AtPoint),
    ("cla_3plus_placements", cla::three_placements, AtPoint),
    ("cla_long_term_stability", cla::long_term_stability, AtPoint),
    ("cla_missing", cla::missing, AtPoint),
    ("cla_away", cla::away, AtPoint),
    ("missing_rhi_offered", cla::rhi_offered, Dated),
    ("missing_rhi_accepted", cla::rhi_accepted, Dated),
    ("oc2_health_assessment", cla::oc2_health_assessment, AtPoint),
    ("oc2_dental_check", cla::oc2_dental, AtPoint),
    ("oc2_immunisations", cla::oc2_immunisations, AtPoint),
    ("oc2_sdq", cla::oc2_sdq, AtPoint),
    ("cla_health_up_to_date", cla::health_up_to_date, AtPoint),
    ("cla_visits_on_time", cla::visits_on_time, AtPoint),
    ("cla_reviews_on_time", cla::reviews_on_time, AtPoint),
    ("leavers_in_touch_17_18", leavers::in_touch_17_18, AtPoint),
    ("leavers_in_touch_19_21", leavers::in_touch_19_21, AtPoint),
    ("leavers_suitable_17_18", leavers::suitable_17_18, AtPoint),
    ("leavers_suitable_19_21", leavers::suitable_19_21, AtPoint),
    ("leavers_eet_17_18", leavers::eet_17_18, AtPoint),
    ("leavers_eet_19_21", leavers::eet_19_21, AtPoint),
    ("pathway_plans_reviewed", leavers::pathway_reviewed, AtPoint),
    ("adoption_a1", adoption::a1, AtPoint),
    ("adoption_a10", adoption::a10, AtPoint),
    ("adoption_a2", adoption::a2, AtPoint),
    ("unallocated_cases", practice::unallocated, AtPoint),
    ("caseload_per_worker", practice::caseload, AtPoint),
    ("many_workers_12m", practice::many_workers, AtPoint),
];

/// A unit held by a record's own team and worker, or else by whoever the child was allocated
/// to on `date`.
#[allow(clippy::too_many_arguments)]
fn unit(
    p: &Prepared,
    child: u32,
    team: Option<&TeamId>,
    worker: Option<&ProfessionalId>,
    date: Date,
    hit: bool,
    days: Option<i64>,
) -> Unit {
    held(p, child, (p.team(team), p.worker(worker)), date, hit, days)
}

/// As [`unit`], with the record's team and worker already resolved.
fn held(
    p: &Prepared,
    child: u32,
    (mut t, mut w): (Option<u32>, Option<u32>),
    date: Date,
    hit: bool,
    days: Option<i64>,
) -> Unit {
    if t.is_none() && w.is_none() {
        if let Some((at, aw)) = p.allocation(child, date) {
            (t, w) = (at, aw);
        }
    }
    if t.is_none() {
        t = w.and_then(|w| p.worker_team[w as usize]);
    }
    Unit {
        child,
        team: t,
        worker: w,
        age: p.age(child, date),
        date,
        hit,
        days,
    }
}

/// A unit held by whoever the child was allocated to on `date`.
fn allocated(p: &Prepared, child: u32, date: Date, hit: bool, days: Option<i64>) -> Unit {
    unit(p, child, None, None, date, hit, days)
}
