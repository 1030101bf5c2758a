//! Child protection plans, reviews and visits (spec §5.2).

use model::codes::YesNo;
use model::tables::CpPlan;
use model::Date;

use super::{allocated, unit};
use crate::compute::{Point, Unit};
use crate::index::{months, Prepared};
use crate::params::Params;

/// The council's own plans (a plan another authority holds is not counted).
fn plans<'a>(p: &'a Prepared<'a>) -> impl Iterator<Item = (u32, &'a CpPlan)> + 'a {
    plan_rows(p).map(|(child, _, c)| (child, c))
}

/// As [`plans`], with each plan's row in the table.
fn plan_rows<'a>(p: &'a Prepared<'a>) -> impl Iterator<Item = (u32, u32, &'a CpPlan)> + 'a {
    let t = &p.model.tables.cp_plans;
    (0..p.people.len() as u32).flat_map(move |child| {
        p.cp_plans
            .of(child)
            .iter()
            .map(move |&i| (child, i, &t[i as usize]))
            .filter(|(_, _, c)| c.cppl_cp_plan_ola != YesNo::Yes)
    })
}

fn open_on(c: &CpPlan, d: Date) -> bool {
    c.cppl_cp_plan_start_date <= d && c.cppl_cp_plan_end_date.is_none_or(|e| e > d)
}

/// Children subject to a plan at the as-at date (one unit per child).
pub fn rate(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (child, _) in plans(p).filter(|(_, c)| open_on(c, at.as_at)) {
        if out.last().is_none_or(|u| u.child != child) {
            out.push(allocated(p, child, at.as_at, true, None));
        }
    }
    out
}

/// Plans ending in the period that lasted two years or more (`end >= start + 2 years`, DfE D7).
pub fn ended_two_years(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    plans(p)
        .filter_map(|(child, c)| {
            let end = c.cppl_cp_plan_end_date.filter(|&e| at.contains(e))?;
            let start = c.cppl_cp_plan_start_date;
            Some(allocated(
                p,
                child,
                end,
                end >= months(start, 24),
                Some(start.days_until(end)),
            ))
        })
        .collect()
}

/// Plans open at the as-at date that had lasted two years or more by then (DfE D5).
pub fn open_two_years(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    plans(p)
        .filter(|(_, c)| open_on(c, at.as_at))
        .map(|(child, c)| {
            let start = c.cppl_cp_plan_start_date;
            allocated(
                p,
                child,
                at.as_at,
                at.as_at >= months(start, 24),
                Some(start.days_until(at.as_at)),
            )
        })
        .collect()
}

/// Plans starting in the period, each a unit; `hit` is given the child's earlier plans.
fn starting(p: &Prepared, at: Point, hit: impl Fn(&CpPlan, &[&CpPlan]) -> bool) -> Vec<Unit> {
    let t = &p.model.tables.cp_plans;
    let mut out = Vec::new();
    for (child, c) in plans(p) {
        if !at.contains(c.cppl_cp_plan_start_date) {
            continue;
        }
        let earlier: Vec<&CpPlan> = p
            .cp_plans
            .of(child)
            .iter()
            .map(|&i| &t[i as usize])
            .filter(|e| e.cppl_cp_plan_start_date < c.cppl_cp_plan_start_date)
            // Only the council's own earlier plans make a repeat plan ("a plan of the council
            // before", catalogue; "of that council", spec §5.2): another authority's is not one.
            .filter(|e| e.cppl_cp_plan_ola != YesNo::Yes)
            .collect();
        out.push(allocated(
            p,
            child,
            c.cppl_cp_plan_start_date,
            hit(c, &earlier),
            None,
        ));
    }
    out
}

/// Plans starting in the period that are a second or subsequent plan, however long ago the
/// earlier one (an earlier plan in the model, or `NumberOfPreviousCPP` ≥ 1 where the model
/// holds a census rather than the full history).
pub fn second_ever(p: &Prepared, _: &Params, at: Point) -> Vec<Unit> {
    starting(p, at, |c, earlier| {
        !earlier.is_empty() || c.cppl_cp_plan_previous_plans.unwrap_or(0) >= 1
    })
}

/// Plans starting in the period whose child's previous plan ended within `second_plan_years`
/// before it (`prev.end >= start − 2 years`; spec §5.2, UNCERTAIN).
pub fn second_within(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    starting(p, at, |c, earlier| {
        let start = c.cppl_cp_plan_start_date;
        let since = months(start, -12 * params.second_plan_years as i32);
        earlier.iter().any(|e| {
            e.cppl_cp_plan_end_date
                .is_some_and(|end| end >= since && end <= start)
        })
    })
}

/// CP reviews due in the period, each a unit, held by their due date. A review's due date is
/// the one recorded, or else `cp_first_review_months` after the plan started (first review)
/// and `cp_review_interval_months` after the previous review. A plan whose next review fell due
/// in the period, before the as-at date and while the plan was open, without being held adds
/// an overdue unit.
pub fn reviews_on_time(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let reviews = &p.model.tables.cp_reviews;
    let mut out = Vec::new();
    for (child, row, c) in plan_rows(p) {
        if c.cppl_cp_plan_start_date > at.as_at
            || c.cppl_cp_plan_end_date.is_some_and(|e| e < at.from)
        {
            continue;
        }
        let mut previous: Option<Date> = None;
        let mut future = false;
        for r in p
            .cp_reviews_by_plan
            .of(row)
            .iter()
            .map(|&i| &reviews[i as usize])
        {
            let Some(date) = r.cppr_cp_review_date else {
                continue;
            };
            let due = r
                .cppr_cp_review_due
                .unwrap_or_else(|| next_due(params, c, previous));
            if at.contains(due) {
                if date <= at.as_at {
                    out.push(allocated(p, child, due, date <= due, None));
                } else if due < at.as_at {
                    // Held after the as-at date: overdue then.
                    out.push(allocated(p, child, due, false, None));
                }
            }
            if date > at.as_at {
                future = true;
                break;
            }
            previous = Some(date);
        }
        // The review due next, if it is overdue at the as-at date.
        let due = next_due(params, c, previous);
        // The review fell due while the plan was open: a plan that ended later (even before
        // the as-at date) still owed it ("a review due and not held by the as-at date is late").
        let open = open_on(c, due);
        if !future && open && at.contains(due) && due < at.as_at {
            out.push(allocated(p, child, due, false, None));
        }
    }
    out
}

fn next_due(params: &Params, c: &CpPlan, previous: Option<Date>) -> Date {
    match previous {
        None => months(
            c.cppl_cp_plan_start_date,
            params.cp_first_review_months as i32,
        ),
        Some(d) => months(d, params.cp_review_interval_months as i32),
    }
}

/// Children on a plan at the as-at date seen within `cp_visit_days` (working days by default):
/// the days since the later of the plan's start and its last visit (spec §5.2 CP visits; a plan
/// younger than the limit is not yet due a visit).
pub fn visits_on_time(p: &Prepared, params: &Params, at: Point) -> Vec<Unit> {
    let visits = &p.model.tables.cp_visits;
    let mut out = Vec::new();
    for (child, c) in plans(p).filter(|(_, c)| open_on(c, at.as_at)) {
        let last = p
            .cp_visits
            .of(child)
            .iter()
            .rev()
            .map(|&i| &visits[i as usize])
            .find(|v| {
                v.cppv_cp_plan_id == c.cppl_cp_plan_id
                    && v.cppv_cp_visit_date <= at.as_at
                    && (!params.visits_require_seen || v.cppv_cp_visit_seen == Some(YesNo::Yes))
            })
            .map(|v| v.cppv_cp_visit_date);
        let since = last
            .unwrap_or(c.cppl_cp_plan_start_date)
            .max(c.cppl_cp_plan_start_date);
        let days = if params.cp_visit_working_days {
            p.calendar.working_days_between(since.0, at.as_at.0)
        } else {
            since.days_until(at.as_at)
        };
        out.push(unit(
            p,
            child,
            None,
            None,
            at.as_at,
            days <= params.cp_visit_days,
            Some(days),
        ));
    }
    out
}
