//! Referrals, assessments, section 47 enquiries and ICPCs, children in need (spec §5.2).

use model::codes::{ReferralSource, YesNo};
use model::tables::CinEpisode;

use super::{allocated, held, unit};
use crate::compute::{Point, Unit};
use crate::index::{months, OpenCase, Prepared};
use crate::params::Params;
use std::sync::Arc;

/// Referrals in the period, each a unit (with its own team and worker); `hit` decides the
/// numerator.
fn referrals_in(p: &Prepared, at: Point, hit: impl Fn(u32, &CinEpisode) -> bool) -> Vec<Unit> {
    let t = &p.model.tables.cin_episodes;
    let units = p.referral_units.get_or_init(|| {
        t.iter()
            .enumerate()
            .map(|(i, r)| {
                let child = p.referral_child[i]?;
                Some(held(
                    p,
                    child,
                    p.referral_held[i],
                    r.cine_referral_date,
                    true,
                    None,
                ))
            })
            .collect()
    });
    p.referrals_by_date
        .between(at.from, at.as_at)
        .iter()
        .filter_map(|&i| {
            let u = units[i as usize]?;
            Some(Unit {
                hit: hit(u.child, &t[i as usize]),
                ..u
            })
        })
        .collect()
}

/// Referrals per 10,000: every referral in the period (not children; NFA referrals included).
pub fn rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    referrals_in(p, at, |_, _| true)
}

/// A re-referral: the same child had an earlier referral on or after `rereferral_months`
/// before this one (spec §5.2: `prev >= this − 12 months` and `prev < this`).
pub fn rereferrals(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.cin_episodes;
    referrals_in(p, at, |child, r| {
        let since = months(r.cine_referral_date, -(params.rereferral_months as i32));
        p.referrals.of(child).iter().any(|&j| {
            let prev = &t[j as usize];
            prev.cine_referral_date < r.cine_referral_date
                && prev.cine_referral_date >= since
                && (params.rereferral_counts_nfa || prev.cine_referral_nfa != YesNo::Yes)
        })
    })
}

/// Referrals that ended in no further action.
pub fn nfa(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    referrals_in(p, at, |_, r| r.cine_referral_nfa == YesNo::Yes)
}

/// The DfE's referral-source groups (CIN census table C1 groups sources this way).
#[derive(Clone, Copy, PartialEq, Eq)]
enum SourceGroup {
    Police,
    Schools,
    Health,
    La,
    Individual,
    Other,
}

fn source_group(s: ReferralSource) -> SourceGroup {
    use ReferralSource::*;
    match s {
        S6 => SourceGroup::Police,
        S2A | S2B => SourceGroup::Schools,
        S3A | S3B | S3C | S3D | S3E | S3F => SourceGroup::Health,
        S5A | S5B | S5C | S5D => SourceGroup::La,
        S1A | S1B | S1C | S1D => SourceGroup::Individual,
        S4 | S7 | S8 | S9 | S10 => SourceGroup::Other,
    }
}

fn by_source(p: &Prepared, at: Point, group: SourceGroup) -> Vec<Unit> {
    referrals_in(p, at, |_, r| {
        source_group(r.cine_referral_source_code) == group
    })
}

pub fn source_police(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::Police)
}
pub fn source_schools(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::Schools)
}
pub fn source_health(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::Health)
}
pub fn source_la(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::La)
}
pub fn source_individual(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::Individual)
}
pub fn source_other(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    by_source(p, at, SourceGroup::Other)
}

/// Assessments authorised in the period, with their duration in working days from the start
/// (the start day is day 0, spec §6.2).
fn assessments_in(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.assessments;
    let units = p.assessment_units.get_or_init(|| {
        t.iter()
            .enumerate()
            .map(|(i, a)| {
                let (done, child) = (a.cina_assessment_auth_date?, p.assessment_child[i]?);
                let days = p
                    .calendar
                    .working_days_between(a.cina_assessment_start_date.0, done.0);
                Some(held(p, child, p.assessment_held[i], done, true, Some(days)))
            })
            .collect()
    });
    p.assessments_by_done
        .between(at.from, at.as_at)
        .iter()
        .filter_map(|&i| {
            let u = units[i as usize]?;
            Some(Unit {
                hit: u.days.is_some_and(|d| d <= params.assessment_working_days),
                ..u
            })
        })
        .collect()
}

/// Assessments completed within 45 working days of their start (DfE C2).
pub fn assessments_timely(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    assessments_in(p, params, at)
}

/// Mean working days from assessment start to authorisation.
pub fn assessment_days(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    assessments_in(p, params, at)
}

/// Section 47 enquiries started in the period (each enquiry counts).
pub fn s47_rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    p.model
        .tables
        .s47_enquiries
        .iter()
        .filter(|s| at.contains(s.s47e_s47_start_date))
        .filter_map(|s| {
            let child = p.child(&s.s47e_person_id)?;
            Some(unit(
                p,
                child,
                s.s47e_s47_completed_by_team.as_ref(),
                s.s47e_s47_completed_by_worker_id.as_ref(),
                s.s47e_s47_start_date,
                true,
                None,
            ))
        })
        .collect()
}

/// ICPCs in the period that followed a section 47 enquiry of this council, held within 15
/// working days of its start. Transfer-in conferences, and those dated before their enquiry
/// (no valid duration), are left out ([LGI-3217]).
pub fn icpc_timely(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let mut out = Vec::new();
    for c in &p.model.tables.initial_cp_conferences {
        if !at.contains(c.icpc_icpc_date) || c.icpc_icpc_transfer_in == YesNo::Yes {
            continue;
        }
        let Some(s47) = c.icpc_s47_enquiry_id.as_ref().and_then(|id| p.s47(id)) else {
            continue;
        };
        if c.icpc_icpc_date < s47.s47e_s47_start_date {
            continue;
        }
        let Some(child) = p.child(&c.icpc_person_id) else {
            continue;
        };
        let days = p
            .calendar
            .working_days_between(s47.s47e_s47_start_date.0, c.icpc_icpc_date.0);
        out.push(unit(
            p,
            child,
            c.icpc_icpc_team.as_ref(),
            c.icpc_icpc_worker_id.as_ref(),
            c.icpc_icpc_date,
            days <= params.icpc_working_days,
            Some(days),
        ));
    }
    out
}

/// Children in need at the as-at date: a referral (CIN episode) open then — started on or
/// before it and not closed by it. One unit per child.
pub fn cin_rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    open_cases(p, at).iter().map(|o| o.unit).collect()
}

/// Children with a CIN episode open at the as-at date, with their allocation then (computed
/// once per date).
pub(super) fn open_cases(p: &Prepared, at: Point) -> Arc<[OpenCase]> {
    let d = at.as_at;
    let t = &p.model.tables.cin_episodes;
    p.open_cases_memo.get_or(d, || {
        (0..p.people.len() as u32)
            .filter(|&child| {
                p.referrals.of(child).iter().any(|&i| {
                    let r = &t[i as usize];
                    r.cine_referral_date <= d && r.cine_close_date.is_none_or(|c| c > d)
                })
            })
            .map(|child| OpenCase {
                child,
                allocation: p.allocation(child, d),
                unit: allocated(p, child, d, true, None),
            })
            .collect()
    })
}
