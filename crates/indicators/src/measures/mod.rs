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

/// The ids that have a computation.
pub fn computed_ids() -> Vec<&'static str> {
    COMPUTE.iter().map(|(k, _)| *k).collect()
}

/// The computation for a catalogue id.
pub fn compute_fn(id: &str) -> Option<ComputeFn> {
    COMPUTE.iter().find(|(k, _)| *k == id).map(|(_, f)| *f)
}

/// Every computation, by indicator id (a test checks this matches the catalogue exactly).
pub const COMPUTE: &[(&str, ComputeFn)] = &[
    ("referrals_rate", referrals::rate),
    ("rereferrals_12m", referrals::rereferrals),
    ("referrals_nfa", referrals::nfa),
    ("referral_source_police", referrals::source_police),
    ("referral_source_schools", referrals::source_schools),
    ("referral_source_health", referrals::source_health),
    ("referral_source_la", referrals::source_la),
    ("referral_source_individual", referrals::source_individual),
    ("referral_source_other", referrals::source_other),
    ("assessments_45wd", referrals::assessments_timely),
    ("assessment_working_days", referrals::assessment_days),
    ("s47_rate", referrals::s47_rate),
    ("icpc_15wd", referrals::icpc_timely),
    ("cin_rate", referrals::cin_rate),
    ("cp_rate", cp::rate),
    ("cp_ended_2yrs", cp::ended_two_years),
    ("cp_open_2yrs", cp::open_two_years),
    ("cp_second_ever", cp::second_ever),
    ("cp_second_2yrs", cp::second_within),
    ("cp_reviews_on_time", cp::reviews_on_time),
    ("cp_visits_on_time", cp::visits_on_time),
    ("cla_rate", cla::rate),
    ("cla_started_rate", cla::started_rate),
    ("cla_ceased_rate", cla::ceased_rate),
    ("cla_3plus_placements", cla::three_placements),
    ("cla_long_term_stability", cla::long_term_stability),
    ("cla_missing", cla::missing),
    ("cla_away", cla::away),
    ("missing_rhi_offered", cla::rhi_offered),
    ("missing_rhi_accepted", cla::rhi_accepted),
    ("oc2_health_assessment", cla::oc2_health_assessment),
    ("oc2_dental_check", cla::oc2_dental),
    ("oc2_immunisations", cla::oc2_immunisations),
    ("oc2_sdq", cla::oc2_sdq),
    ("cla_health_up_to_date", cla::health_up_to_date),
    ("cla_visits_on_time", cla::visits_on_time),
    ("cla_reviews_on_time", cla::reviews_on_time),
    ("leavers_in_touch_17_18", leavers::in_touch_17_18),
    ("leavers_in_touch_19_21", leavers::in_touch_19_21),
    ("leavers_suitable_17_18", leavers::suitable_17_18),
    ("leavers_suitable_19_21", leavers::suitable_19_21),
    ("leavers_eet_17_18", leavers::eet_17_18),
    ("leavers_eet_19_21", leavers::eet_19_21),
    ("pathway_plans_reviewed", leavers::pathway_reviewed),
    ("adoption_a1", adoption::a1),
    ("adoption_a10", adoption::a10),
    ("adoption_a2", adoption::a2),
    ("unallocated_cases", practice::unallocated),
    ("caseload_per_worker", practice::caseload),
    ("many_workers_12m", practice::many_workers),
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
