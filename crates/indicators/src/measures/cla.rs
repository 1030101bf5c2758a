//! Children in care: numbers, stability, missing, health, visits and reviews (spec §5.3).
//! Children looked after only under an agreed series of short breaks (V3/V4) are left out
//! throughout, as in the DfE's statistics.

use model::codes::{
    HealthCheckStatus, HealthCheckType, MissingType, ReasonEpisodeCeased, ReasonNewEpisode, YesNo,
};
use model::tables::ClaEpisode;
use model::Date;

use super::allocated;
use crate::compute::{Point, Unit};
use crate::index::{months, LookedAfter, Prepared};
use crate::params::Params;
use std::sync::Arc;

/// Children looked after at the as-at date, with their episode and unit then (computed once
/// per date).
fn looked_after(p: &Prepared, at: Point) -> Arc<[LookedAfter]> {
    let d = at.as_at;
    p.looked_after_memo.get_or(d, || {
        (0..p.people.len() as u32)
            .filter_map(|child| {
                Some(LookedAfter {
                    child,
                    episode: p.looked_after_row_on(child, d)?,
                    unit: allocated(p, child, d, true, None),
                })
            })
            .collect()
    })
}

/// A looked-after child's unit at the as-at date with its outcome.
fn scored(l: &LookedAfter, hit: bool, days: Option<i64>) -> Unit {
    Unit {
        hit,
        days,
        ..l.unit
    }
}

/// Children looked after at the as-at date (one unit each).
pub fn rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    looked_after(p, at).iter().map(|l| l.unit).collect()
}

/// Children who started to be looked after in the period (a child counts once).
pub fn started_rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    (0..p.people.len() as u32)
        .filter_map(|c| {
            let e = p.episodes_of(c).find(|e| {
                e.clae_cla_episode_start_reason == ReasonNewEpisode::S
                    && at.contains(e.clae_cla_episode_start_date)
                    && !p.is_short_break_episode(c, e)
            })?;
            Some(allocated(p, c, e.clae_cla_episode_start_date, true, None))
        })
        .collect()
}

/// Children who ceased to be looked after in the period (an episode ending with a reason
/// other than X1, "episode ceases, care continues"; a child counts once).
pub fn ceased_rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    (0..p.people.len() as u32)
        .filter_map(|c| {
            let e = p.episodes_of(c).find(|e| {
                e.clae_cla_episode_ceased_date
                    .is_some_and(|d| at.contains(d))
                    && e.clae_cla_episode_ceased_reason
                        .is_some_and(|r| r != ReasonEpisodeCeased::X1)
                    && !p.is_short_break_episode(c, e)
            })?;
            let d = e.clae_cla_episode_ceased_date.expect("found by it");
            Some(allocated(p, c, d, true, None))
        })
        .collect()
}

/// RNE S, P and B start a placement with a new carer; L, T and U keep the carer.
fn changes_carer(e: &ClaEpisode) -> bool {
    use ReasonNewEpisode::*;
    matches!(e.clae_cla_episode_start_reason, S | P | B)
}

/// Whether an episode starts a new placement with a different carer (RNE S, P or B). T and U
/// (same carer) and L (legal status only) do not (spec §5.3 note A); with
/// `count_temporary_moves` off, a move into or back from a temporary placement does not either.
fn new_carer(p: &Prepared, params: &Params, e: &ClaEpisode, before: Option<&ClaEpisode>) -> bool {
    if !changes_carer(e) {
        return false;
    }
    if !params.count_temporary_moves && e.clae_cla_episode_start_reason != ReasonNewEpisode::S {
        let temp = |x: Option<&ClaEpisode>| {
            x.and_then(|x| p.placement_type(x))
                .is_some_and(|t| t.is_temporary())
        };
        if temp(Some(e)) || temp(before) {
            return false;
        }
    }
    true
}

/// Children looked after at the as-at date who had 3 or more placements in the period: the
/// placement in force at its start (or at the first episode in it) counts one, and each later
/// change of carer one more.
pub fn three_placements(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    looked_after(p, at)
        .iter()
        .map(|l| {
            let c = l.child;
            let eps: Vec<&ClaEpisode> = p
                .episodes_of(c)
                .filter(|e| {
                    e.clae_cla_episode_start_date <= at.as_at
                        && e.clae_cla_episode_ceased_date.is_none_or(|d| d >= at.from)
                        && !p.is_short_break_episode(c, e)
                })
                .collect();
            let mut count = 0i64;
            for (k, e) in eps.iter().enumerate() {
                let before = k.checked_sub(1).map(|j| eps[j]);
                let first = k == 0;
                if first
                    || (e.clae_cla_episode_start_date >= at.from && new_carer(p, params, e, before))
                {
                    count += 1;
                }
            }
            scored(l, count >= 3, Some(count))
        })
        .collect()
}

/// The date the child's current carer (placement) began: the start of the latest episode up
/// to `e` that changed carer. A placement for adoption counts from the start of the placement
/// before it (NI 63: adoptive placement plus the one immediately before).
fn carer_since(p: &Prepared, child: u32, e: &ClaEpisode) -> Date {
    let eps: Vec<&ClaEpisode> = p
        .episodes_of(child)
        .filter(|x| {
            x.clae_cla_id == e.clae_cla_id
                && x.clae_cla_episode_start_date <= e.clae_cla_episode_start_date
        })
        .collect();
    let run_start = |upto: usize| -> usize {
        let mut k = upto;
        while k > 0 && !changes_carer(eps[k]) {
            k -= 1;
        }
        k
    };
    let Some(last) = eps.len().checked_sub(1) else {
        return e.clae_cla_episode_start_date;
    };
    let mut k = run_start(last);
    let adoptive = |i: usize| p.placement_type(eps[i]).is_some_and(|t| t.is_adoption());
    if adoptive(last) {
        // Back to the first episode of the adoptive placement, then to the run before it.
        while k > 0 && adoptive(k - 1) {
            k = run_start(k - 1);
        }
        if k > 0 {
            k = run_start(k - 1);
        }
    }
    eps[k].clae_cla_episode_start_date
}

/// Children under 16 looked after for 2.5 years or more at the as-at date who had lived in the
/// same placement for 2 years or more (or, placed for adoption, in it and the placement before
/// together).
pub fn long_term_stability(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let episodes = &p.model.tables.cla_episodes;
    looked_after(p, at)
        .iter()
        .filter(|l| {
            let (c, e) = (l.child, &episodes[l.episode as usize]);
            p.age(c, at.as_at)
                .is_some_and(|a| a < params.long_term_under_age)
                && e.clae_entered_care_date
                    <= months(at.as_at, -(params.long_term_care_months as i32))
        })
        .map(|l| {
            let since = carer_since(p, l.child, &episodes[l.episode as usize]);
            let stable = since <= months(at.as_at, -12 * params.long_term_placement_years as i32);
            scored(l, stable, Some(since.days_until(at.as_at)))
        })
        .collect()
}

/// Children looked after at any time in the period (other than only under short breaks).
fn looked_after_in<'a>(p: &'a Prepared<'a>, at: Point) -> impl Iterator<Item = u32> + 'a {
    (0..p.people.len() as u32).filter(move |&c| {
        p.episodes_of(c).any(|e| {
            e.clae_cla_episode_start_date <= at.as_at
                && e.clae_cla_episode_ceased_date.is_none_or(|d| d >= at.from)
                && !p.is_short_break_episode(c, e)
        })
    })
}

fn went(p: &Prepared, at: Point, kind: MissingType) -> Vec<Unit> {
    let t = &p.model.tables.missing_episodes;
    looked_after_in(p, at)
        .map(|c| {
            let n = p
                .missing
                .of(c)
                .iter()
                .map(|&i| &t[i as usize])
                .filter(|m| {
                    m.miss_missing_episode_type == kind
                        && at.contains(m.miss_missing_episode_start_date)
                })
                .count();
            allocated(p, c, at.as_at, n > 0, Some(n as i64))
        })
        .collect()
}

/// Children looked after in the period who went missing (an incident starting in it).
pub fn missing(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    went(p, at, MissingType::Missing)
}

/// Children looked after in the period who were away without authorisation.
pub fn away(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    went(p, at, MissingType::Away)
}

/// Missing or away episodes that ended in the period, each a unit; `hit` on the RHI flags.
fn ended_episodes(
    p: &Prepared,
    at: Point,
    keep: impl Fn(Option<YesNo>, Option<YesNo>) -> Option<bool>,
) -> Vec<Unit> {
    let t = &p.model.tables.missing_episodes;
    let mut out = Vec::new();
    for c in 0..p.people.len() as u32 {
        for &i in p.missing.of(c) {
            let m = &t[i as usize];
            let Some(end) = m.miss_missing_episode_end_date.filter(|&d| at.contains(d)) else {
                continue;
            };
            if let Some(hit) = keep(m.miss_missing_rhi_offered, m.miss_missing_rhi_accepted) {
                out.push(allocated(p, c, end, hit, None));
            }
        }
    }
    out
}

/// Missing or away episodes ending in the period after which a return home interview was
/// offered (the 903 records whether it was offered, statutory guidance within 72 hours).
pub fn rhi_offered(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    ended_episodes(p, at, |offered, _| Some(offered == Some(YesNo::Yes)))
}

/// Of the episodes ending in the period with an interview offered, those where it was accepted.
pub fn rhi_accepted(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    ended_episodes(p, at, |offered, accepted| {
        (offered == Some(YesNo::Yes)).then_some(accepted == Some(YesNo::Yes))
    })
}

/// The OC2 cohort: looked after continuously for the 12 months to the as-at date, as the 903
/// decides it (spec §3.5; `formats::ssda903::continuously_looked_after`): some episode in the
/// period, none starting care in it after its first day, none ending care before its last
/// day, none under short breaks.
fn oc2_cohort<'a>(p: &'a Prepared<'a>, at: Point) -> impl Iterator<Item = u32> + 'a {
    (0..p.people.len() as u32).filter(move |&c| {
        let mut any = false;
        for e in p.episodes_of(c) {
            let overlaps = e.clae_cla_episode_start_date <= at.as_at
                && e.clae_cla_episode_ceased_date.is_none_or(|d| d >= at.from);
            if !overlaps {
                continue;
            }
            any = true;
            let starts = e.clae_cla_episode_start_reason == ReasonNewEpisode::S
                && e.clae_cla_episode_start_date > at.from;
            let ends = e
                .clae_cla_episode_ceased_date
                .is_some_and(|d| d >= at.from && d < at.as_at)
                && e.clae_cla_episode_ceased_reason
                    .is_some_and(|r| r != ReasonEpisodeCeased::X1);
            if starts || ends || p.is_short_break_episode(c, e) {
                return false;
            }
        }
        any
    })
}

fn completed_check(
    p: &Prepared,
    c: u32,
    kind: HealthCheckType,
    from: Date,
    to: Date,
) -> Option<Date> {
    let t = &p.model.tables.health_checks;
    p.health_checks
        .of(c)
        .iter()
        .rev()
        .map(|&i| &t[i as usize])
        .find(|h| {
            h.clah_health_check_type == kind
                && h.clah_health_check_status == Some(HealthCheckStatus::Completed)
                && h.clah_health_check_date >= from
                && h.clah_health_check_date <= to
        })
        .map(|h| h.clah_health_check_date)
}

fn oc2_check(p: &Prepared, at: Point, kind: HealthCheckType) -> Vec<Unit> {
    oc2_cohort(p, at)
        .map(|c| {
            let done = completed_check(p, c, kind, at.from, at.as_at).is_some();
            allocated(p, c, at.as_at, done, None)
        })
        .collect()
}

/// OC2: children looked after for 12 months whose annual health assessment was done in it.
pub fn oc2_health_assessment(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    oc2_check(p, at, HealthCheckType::HealthAssessment)
}

/// OC2: … whose teeth were checked by a dentist in the year.
pub fn oc2_dental(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    oc2_check(p, at, HealthCheckType::DentalCheck)
}

/// OC2: … whose immunisations were up to date (the latest status recorded by the as-at date).
pub fn oc2_immunisations(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.immunisations;
    oc2_cohort(p, at)
        .map(|c| {
            let ok = p
                .immunisations
                .of(c)
                .iter()
                .rev()
                .map(|&i| &t[i as usize])
                .find(|x| x.clai_immunisations_status_date <= at.as_at)
                .is_some_and(|x| x.clai_immunisations_status == YesNo::Yes);
            allocated(p, c, at.as_at, ok, None)
        })
        .collect()
}

/// OC2: children aged 5–16 looked after for 12 months with an SDQ score from the year (the
/// latest SDQ record in it has a score).
pub fn oc2_sdq(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.sdq_scores;
    oc2_cohort(p, at)
        .filter(|&c| {
            p.age(c, at.as_at)
                .is_some_and(|a| a >= params.sdq_min_age && a <= params.sdq_max_age)
        })
        .map(|c| {
            let scored = p
                .sdqs
                .of(c)
                .iter()
                .rev()
                .map(|&i| &t[i as usize])
                .find(|s| at.contains(s.csdq_sdq_completed_date))
                .is_some_and(|s| s.csdq_sdq_score.is_some());
            allocated(p, c, at.as_at, scored, None)
        })
        .collect()
}

/// Children in care at the as-at date whose health assessment is up to date: the last one
/// within 6 months (under 5) or 12 months (5 and over); a child new to care is not yet due
/// until `initial_health_working_days` after entering care (spec §5.6: use 6/12, not 6/6).
pub fn health_up_to_date(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let episodes = &p.model.tables.cla_episodes;
    looked_after(p, at)
        .iter()
        .map(|l| {
            let (c, e) = (l.child, &episodes[l.episode as usize]);
            let entered = e.clae_entered_care_date;
            let last = completed_check(p, c, HealthCheckType::HealthAssessment, entered, at.as_at);
            let interval = if p.age(c, at.as_at).is_some_and(|a| a < 5) {
                params.health_months_under5
            } else {
                params.health_months_5plus
            };
            let due = match last {
                Some(d) => months(d, interval as i32),
                None => Date(
                    p.calendar
                        .add_working_days(entered.0, params.initial_health_working_days as u32),
                ),
            };
            let days = last.map(|d| d.days_until(at.as_at));
            scored(l, at.as_at <= due, days)
        })
        .collect()
}

/// Children in care at the as-at date visited on time: within `cla_visit_interval_days` of
/// their last visit in the current placement, or, not yet visited there, within
/// `cla_first_visit_days` of moving in.
pub fn visits_on_time(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let visits = &p.model.tables.cla_visits;
    let episodes = &p.model.tables.cla_episodes;
    looked_after(p, at)
        .iter()
        .map(|l| {
            let (c, e) = (l.child, &episodes[l.episode as usize]);
            let placed = carer_since_plain(p, c, e);
            let last = p
                .cla_visits
                .of(c)
                .iter()
                .rev()
                .map(|&i| &visits[i as usize])
                .find(|v| {
                    v.clav_cla_visit_date <= at.as_at
                        && v.clav_cla_visit_date >= placed
                        && (!params.visits_require_seen
                            || v.clav_cla_visit_seen == Some(YesNo::Yes))
                })
                .map(|v| v.clav_cla_visit_date);
            let (since, limit) = match last {
                Some(d) => (d, params.cla_visit_interval_days),
                None => (placed, params.cla_first_visit_days),
            };
            let days = since.days_until(at.as_at);
            scored(l, days <= limit, Some(days))
        })
        .collect()
}

/// Start of the current carer's placement (no adoption adjustment).
fn carer_since_plain(p: &Prepared, child: u32, e: &ClaEpisode) -> Date {
    p.episodes_of(child)
        .filter(|x| {
            x.clae_cla_id == e.clae_cla_id
                && x.clae_cla_episode_start_date <= e.clae_cla_episode_start_date
                && changes_carer(x)
        })
        .map(|x| x.clae_cla_episode_start_date)
        .max()
        .unwrap_or(e.clae_cla_episode_start_date)
}

/// Looked-after reviews due in the period, each a unit, held (not cancelled) by the due date.
/// A review due by the as-at date and not held by then is late.
pub fn reviews_on_time(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    let mut out = Vec::new();
    let reviews = &p.model.tables.cla_reviews;
    for &i in p.cla_reviews_by_due.between(at.from, at.as_at) {
        let r = &reviews[i as usize];
        let (Some(due), Some(c)) = (r.clar_cla_review_due_date, p.cla_review_child[i as usize])
        else {
            continue;
        };
        let held = r
            .clar_cla_review_date
            .filter(|&d| d <= at.as_at && r.clar_cla_review_cancelled != Some(YesNo::Yes));
        if held.is_none() && due >= at.as_at {
            continue; // not yet late
        }
        out.push(allocated(p, c, due, held.is_some_and(|d| d <= due), None));
    }
    out
}
