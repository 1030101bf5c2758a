//! Allocation and workforce measures from the seeds: unallocated cases, caseloads and changes
//! of social worker.

use super::referrals::open_cases;
use super::unit;
use crate::compute::{Point, Unit};
use crate::index::{months, Prepared};
use crate::params::Params;

/// Open cases (children with a CIN episode open at the as-at date) with no allocated worker
/// then. Each is held by the team of the referral it is open under.
pub fn unallocated(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.cin_episodes;
    open_cases(p, at)
        .iter()
        .filter(|o| o.allocation.is_none())
        .map(|o| {
            let c = o.child;
            let open = p
                .referrals
                .of(c)
                .iter()
                .rev()
                .map(|&i| &t[i as usize])
                .find(|r| r.cine_referral_date <= at.as_at);
            unit(
                p,
                c,
                open.and_then(|r| r.cine_referral_team.as_ref()),
                None,
                at.as_at,
                true,
                None,
            )
        })
        .collect()
}

/// Allocated open cases per worker holding any: cases ÷ workers (the DfE's workforce
/// statistics divide cases by case-holding FTE; the case model has no FTE per case, so this
/// counts workers).
pub fn caseload(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    open_cases(p, at)
        .iter()
        .filter_map(|o| {
            let (team, worker) = o.allocation?;
            worker?;
            let mut u = o.unit;
            (u.team, u.worker) = (team, worker);
            Some(u)
        })
        .collect()
}

/// Open cases at the as-at date whose child had `many_workers` or more different allocated
/// workers in the 12 months to it.
pub fn many_workers(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let t = &p.model.tables.involvements;
    let since = months(at.as_at, -12).plus_days(1);
    open_cases(p, at)
        .iter()
        .map(|o| {
            let c = o.child;
            let mut workers: Vec<u32> = p
                .involvements
                .of(c)
                .iter()
                .filter(|&&i| {
                    let i = &t[i as usize];
                    i.invo_involvement_start_date <= at.as_at
                        && i.invo_involvement_end_date.is_none_or(|e| e >= since)
                })
                .filter_map(|&i| p.involvement_worker(i))
                .collect();
            workers.sort_unstable();
            workers.dedup();
            let n = workers.len();
            Unit {
                hit: n >= params.many_workers,
                days: Some(n as i64),
                ..o.unit
            }
        })
        .collect()
}
