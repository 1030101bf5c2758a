//! Work lists: what is overdue or due soon at a date, child by child, with the team and worker
//! who hold it — CP and looked-after visits, looked-after reviews, assessments nearing their 45
//! working days, ICPCs nearing 15, return interviews, health assessments, pathway plan reviews
//! and open children without an allocated worker. The timescales are the indicators' [`Params`],
//! so a work list and the indicator that will later count the miss agree.

use hashbrown::HashMap;
use serde::Serialize;

use crate::index::{months, Prepared};
use crate::params::Params;
use model::codes::{HealthCheckType, YesNo};
use model::Date;

/// What is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    CpVisit,
    ClaVisit,
    ClaReview,
    Assessment,
    Icpc,
    ReturnInterview,
    HealthAssessment,
    PathwayPlan,
    Unallocated,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::CpVisit,
        Kind::ClaVisit,
        Kind::ClaReview,
        Kind::Assessment,
        Kind::Icpc,
        Kind::ReturnInterview,
        Kind::HealthAssessment,
        Kind::PathwayPlan,
        Kind::Unallocated,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::CpVisit => "cp_visit",
            Kind::ClaVisit => "cla_visit",
            Kind::ClaReview => "cla_review",
            Kind::Assessment => "assessment",
            Kind::Icpc => "icpc",
            Kind::ReturnInterview => "return_interview",
            Kind::HealthAssessment => "health_assessment",
            Kind::PathwayPlan => "pathway_plan",
            Kind::Unallocated => "unallocated",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::CpVisit => "Child protection visit",
            Kind::ClaVisit => "Looked-after child visit",
            Kind::ClaReview => "Looked-after child review",
            Kind::Assessment => "Assessment (45 working days)",
            Kind::Icpc => "Initial child protection conference (15 working days)",
            Kind::ReturnInterview => "Return home interview",
            Kind::HealthAssessment => "Health assessment",
            Kind::PathwayPlan => "Pathway plan review",
            Kind::Unallocated => "No allocated worker",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Overdue,
    DueSoon,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Overdue => "Overdue",
            Status::DueSoon => "Due soon",
        }
    }
}

/// One thing due for one child.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// The child (index into the model's people).
    pub child: u32,
    /// The child's allocated team and worker at the date.
    pub team: Option<u32>,
    pub worker: Option<u32>,
    pub kind: Kind,
    /// When it is (was) due; none for an unallocated child.
    pub due: Option<Date>,
    pub status: Status,
    /// Calendar days past due (positive) or left (negative is never produced: see `days_left`).
    pub days_overdue: i64,
    /// What the deadline runs from, e.g. "last visit 2026-03-02".
    pub since: String,
}

/// Everything overdue at `as_at` or due within `soon_days` calendar days after it.
pub fn at(p: &Prepared, params: &Params, as_at: Date, soon_days: i64) -> Vec<Item> {
    let t = &p.model.tables;
    let cal = &p.calendar;
    let wd = |d: Date, n: i64| Date(cal.add_working_days(d.0, n.max(0) as u32));
    let mut out = Vec::new();
    let mut push = |child: u32, kind: Kind, due: Option<Date>, since: String| {
        let status = match due {
            None => Status::Overdue,
            Some(d) if d < as_at => Status::Overdue,
            Some(d) if d <= as_at.plus_days(soon_days) => Status::DueSoon,
            Some(_) => return,
        };
        let (team, worker) = p.allocation(child, as_at).unwrap_or((None, None));
        out.push(Item {
            child,
            team,
            worker,
            kind,
            due,
            status,
            days_overdue: due.map_or(0, |d| d.days_until(as_at).max(0)),
            since,
        });
    };

    // Reviews name only the period of care: the held dates of each period, in order.
    let mut reviews: HashMap<&str, Vec<Date>> = HashMap::new();
    for r in &t.cla_reviews {
        if let Some(d) = r.clar_cla_review_date.filter(|&d| d <= as_at) {
            if r.clar_cla_review_cancelled != Some(YesNo::Yes) {
                reviews.entry(r.clar_cla_id.as_str()).or_default().push(d);
            }
        }
    }
    for v in reviews.values_mut() {
        v.sort_unstable();
    }
    // ICPCs held, by the enquiry that led to them.
    let icpc_held: hashbrown::HashSet<&str> = t
        .initial_cp_conferences
        .iter()
        .filter(|c| c.icpc_icpc_date <= as_at)
        .filter_map(|c| c.icpc_s47_enquiry_id.as_ref().map(|s| s.as_str()))
        .collect();

    for child in 0..p.people.len() as u32 {
        let mut open = false;
        // Child protection visits, per plan open at the date.
        for &i in p.cp_plans.of(child) {
            let plan = &t.cp_plans[i as usize];
            let on_plan = plan.cppl_cp_plan_start_date <= as_at
                && plan.cppl_cp_plan_end_date.is_none_or(|e| e > as_at);
            if !on_plan {
                continue;
            }
            open = true;
            let last = p
                .cp_visits
                .of(child)
                .iter()
                .map(|&v| &t.cp_visits[v as usize])
                .filter(|v| v.cppv_cp_plan_id == plan.cppl_cp_plan_id)
                .filter(|v| v.cppv_cp_visit_date <= as_at)
                .filter(|v| !params.visits_require_seen || v.cppv_cp_visit_seen != Some(YesNo::No))
                .map(|v| v.cppv_cp_visit_date)
                .next_back();
            let (base, since) = match last {
                Some(d) => (d, format!("last visit {d}")),
                None => (
                    plan.cppl_cp_plan_start_date,
                    format!("plan started {}", plan.cppl_cp_plan_start_date),
                ),
            };
            let due = if params.cp_visit_working_days {
                wd(base, params.cp_visit_days)
            } else {
                base.plus_days(params.cp_visit_days)
            };
            push(child, Kind::CpVisit, Some(due), since);
        }

        // Looked after at the date: visits, reviews, health assessments.
        if let Some(e) = p.looked_after_on(child, as_at) {
            open = true;
            let entered = e.clae_entered_care_date;
            let last_visit = p
                .cla_visits
                .of(child)
                .iter()
                .map(|&v| &t.cla_visits[v as usize])
                .map(|v| v.clav_cla_visit_date)
                .rfind(|&d| d >= entered && d <= as_at);
            let (due, since) = match last_visit {
                Some(d) => (
                    d.plus_days(params.cla_visit_interval_days),
                    format!("last visit {d}"),
                ),
                None => (
                    entered.plus_days(params.cla_first_visit_days),
                    format!("entered care {entered}"),
                ),
            };
            push(child, Kind::ClaVisit, Some(due), since);

            // First review within 20 working days, the second 3 months later, then 6-monthly.
            let held = reviews
                .get(e.clae_cla_id.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let (due, since) = match held {
                [] => (wd(entered, 20), format!("entered care {entered}")),
                [one] => (months(*one, 3), format!("first review {one}")),
                [.., last] => (months(*last, 6), format!("last review {last}")),
            };
            push(child, Kind::ClaReview, Some(due), since);

            let last_health = p
                .health_checks
                .of(child)
                .iter()
                .map(|&h| &t.health_checks[h as usize])
                .filter(|h| h.clah_health_check_type == HealthCheckType::HealthAssessment)
                .map(|h| h.clah_health_check_date)
                .rfind(|&d| d >= entered && d <= as_at);
            let under5 = p.age(child, as_at).is_some_and(|a| a < 5);
            let every = if under5 {
                params.health_months_under5
            } else {
                params.health_months_5plus
            };
            let (due, since) = match last_health {
                Some(d) => (months(d, every as i32), format!("last assessment {d}")),
                None => (
                    wd(entered, params.initial_health_working_days),
                    format!("entered care {entered}"),
                ),
            };
            push(child, Kind::HealthAssessment, Some(due), since);
        }

        // Care leavers in touch recently: the pathway plan review cycle.
        if let Some(c) = p
            .care_leavers
            .of(child)
            .iter()
            .map(|&c| &t.care_leavers[c as usize])
            .rfind(|c| c.clea_care_leaver_latest_contact <= as_at)
        {
            let current = months(as_at, -(params.leaver_current_months as i32))
                <= c.clea_care_leaver_latest_contact;
            if current && p.looked_after_on(child, as_at).is_none() {
                open = true;
                let (due, since) = match c.clea_pathway_plan_review_date {
                    Some(d) => (
                        months(d, params.pathway_review_months as i32),
                        format!("last review {d}"),
                    ),
                    None => (as_at, "no review recorded".to_string()),
                };
                push(child, Kind::PathwayPlan, Some(due), since);
            }
        }

        // Missing episodes ended in the last 30 days without a return interview offered:
        // it is due within 72 hours of the return.
        for &m in p.missing.of(child) {
            let m = &t.missing_episodes[m as usize];
            if let Some(end) = m.miss_missing_episode_end_date {
                if end <= as_at
                    && end >= as_at.plus_days(-30)
                    && m.miss_missing_rhi_offered != Some(YesNo::Yes)
                {
                    push(
                        child,
                        Kind::ReturnInterview,
                        Some(end.plus_days(3)),
                        format!("returned {end}"),
                    );
                }
            }
        }

        // Referrals open at the date.
        for &r in p.referrals.of(child) {
            let r = &t.cin_episodes[r as usize];
            if r.cine_referral_date <= as_at && r.cine_close_date.is_none_or(|c| c > as_at) {
                open = true;
            }
        }

        if open && p.allocation(child, as_at).is_none_or(|(_, w)| w.is_none()) {
            push(child, Kind::Unallocated, None, "open case".to_string());
        }
    }

    // Assessments not completed by the date.
    for (i, a) in t.assessments.iter().enumerate() {
        let Some(child) = p.assessment_child[i] else {
            continue;
        };
        let started = a.cina_assessment_start_date;
        if started > as_at || a.cina_assessment_auth_date.is_some_and(|d| d <= as_at) {
            continue;
        }
        push(
            child,
            Kind::Assessment,
            Some(wd(started, params.assessment_working_days)),
            format!("started {started}"),
        );
    }

    // Enquiries open at the date with no ICPC yet: the ICPC is due 15 working days from the
    // strategy discussion.
    for s in &t.s47_enquiries {
        let started = s.s47e_s47_start_date;
        let open = started <= as_at && s.s47e_s47_end_date.is_none_or(|e| e > as_at);
        if !open || icpc_held.contains(s.s47e_s47_enquiry_id.as_str()) {
            continue;
        }
        let Some(child) = p.child(&s.s47e_person_id) else {
            continue;
        };
        push(
            child,
            Kind::Icpc,
            Some(wd(started, params.icpc_working_days)),
            format!("strategy discussion {started}"),
        );
    }

    out.sort_by_key(|a| (a.status, a.due, a.kind, a.child));
    out
}
