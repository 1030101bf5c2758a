//! The headline figures of a generated authority, set against the ranges England publishes, so
//! a run shows at once whether the synthetic data is realistic.
//!
//! These are quick counts for the generator's own check; the indicator engine computes the
//! full national measure set with every convention and breakdown.

use std::collections::{HashMap, HashSet};

use model::calendar::{add_months, add_years, HolidayCalendar};
use model::{CaseModel, Date};

/// One figure and the range it must fall in.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RateCheck {
    pub name: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub low: f64,
    pub high: f64,
}

impl RateCheck {
    pub fn ok(&self) -> bool {
        self.value >= self.low && self.value <= self.high
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub year_start: Date,
    pub year_end: Date,
    pub checks: Vec<RateCheck>,
    /// Other figures worth seeing (no target range).
    pub info: Vec<(&'static str, f64)>,
}

impl Summary {
    /// Figures for the year ending on the model's as-at date.
    pub fn of(model: &CaseModel) -> Summary {
        let t = &model.tables;
        let end = model.la.as_at;
        let start = Date(add_years(end.0, -1)).plus_days(1);
        let per10k = |n: usize| n as f64 / model.la.child_population.max(1) as f64 * 10_000.0;
        let pct = |n: usize, d: usize| {
            if d == 0 {
                0.0
            } else {
                n as f64 * 100.0 / d as f64
            }
        };
        let in_year = |d: Date| d >= start && d <= end;
        let open_at = |s: Date, e: Option<Date>| s <= end && e.is_none_or(|e| e > end);
        let cal = HolidayCalendar::england_and_wales();

        let cin: HashSet<&str> = t
            .cin_episodes
            .iter()
            .filter(|e| open_at(e.cine_referral_date, e.cine_close_date))
            .map(|e| e.cine_person_id.as_str())
            .collect();
        let cp: HashSet<&str> = t
            .cp_plans
            .iter()
            .filter(|p| open_at(p.cppl_cp_plan_start_date, p.cppl_cp_plan_end_date))
            .map(|p| p.cppl_person_id.as_str())
            .collect();
        let cla: HashSet<&str> = t
            .cla_episodes
            .iter()
            .filter(|e| {
                open_at(
                    e.clae_cla_episode_start_date,
                    e.clae_cla_episode_ceased_date,
                )
            })
            .map(|e| e.clae_person_id.as_str())
            .collect();

        let mut by_child: HashMap<&str, Vec<Date>> = HashMap::new();
        for e in &t.cin_episodes {
            by_child
                .entry(e.cine_person_id.as_str())
                .or_default()
                .push(e.cine_referral_date);
        }
        let referrals: Vec<_> = t
            .cin_episodes
            .iter()
            .filter(|e| in_year(e.cine_referral_date))
            .collect();
        let rereferrals = referrals
            .iter()
            .filter(|e| {
                let d = e.cine_referral_date;
                let from = Date(add_months(d.0, -12));
                by_child[e.cine_person_id.as_str()]
                    .iter()
                    .any(|&p| p < d && p >= from)
            })
            .count();

        let done: Vec<_> = t
            .assessments
            .iter()
            .filter_map(|a| {
                a.cina_assessment_auth_date
                    .filter(|&d| in_year(d))
                    .map(|d| (a.cina_assessment_start_date, d))
            })
            .collect();
        let within45 = done
            .iter()
            .filter(|(s, e)| cal.working_days_between(s.0, e.0) <= 45)
            .count();

        let mut plans_by_child: HashMap<&str, Vec<Date>> = HashMap::new();
        for p in &t.cp_plans {
            plans_by_child
                .entry(p.cppl_person_id.as_str())
                .or_default()
                .push(p.cppl_cp_plan_start_date);
        }
        let new_plans: Vec<_> = t
            .cp_plans
            .iter()
            .filter(|p| in_year(p.cppl_cp_plan_start_date))
            .collect();
        let repeat = new_plans
            .iter()
            .filter(|p| {
                plans_by_child[p.cppl_person_id.as_str()]
                    .iter()
                    .any(|&s| s < p.cppl_cp_plan_start_date)
            })
            .count();

        let icpcs: Vec<_> = t
            .initial_cp_conferences
            .iter()
            .filter(|c| in_year(c.icpc_icpc_date))
            .collect();
        let s47_start: HashMap<&str, Date> = t
            .s47_enquiries
            .iter()
            .map(|s| (s.s47e_s47_enquiry_id.as_str(), s.s47e_s47_start_date))
            .collect();
        let icpc_timed: Vec<i64> = icpcs
            .iter()
            .filter_map(|c| {
                let s = s47_start.get(c.icpc_s47_enquiry_id.as_ref()?.as_str())?;
                Some(cal.working_days_between(s.0, c.icpc_icpc_date.0))
            })
            .filter(|&d| d >= 0)
            .collect();

        let checks = vec![
            RateCheck {
                name: "Children in need at year end, per 10,000",
                value: per10k(cin.len()),
                unit: "per 10,000",
                low: 250.0,
                high: 450.0,
            },
            RateCheck {
                name: "Child protection plans at year end, per 10,000",
                value: per10k(cp.len()),
                unit: "per 10,000",
                low: 25.0,
                high: 60.0,
            },
            RateCheck {
                name: "Children looked after at year end, per 10,000",
                value: per10k(cla.len()),
                unit: "per 10,000",
                low: 50.0,
                high: 110.0,
            },
            RateCheck {
                name: "Re-referrals within 12 months",
                value: pct(rereferrals, referrals.len()),
                unit: "%",
                low: 15.0,
                high: 30.0,
            },
            RateCheck {
                name: "Assessments completed within 45 working days",
                value: pct(within45, done.len()),
                unit: "%",
                low: 70.0,
                high: 95.0,
            },
            RateCheck {
                name: "CP plans that are second or subsequent",
                value: pct(repeat, new_plans.len()),
                unit: "%",
                low: 15.0,
                high: 30.0,
            },
        ];
        let info = vec![
            ("Referrals in year, per 10,000", per10k(referrals.len())),
            (
                "Section 47 enquiries started in year, per 10,000",
                per10k(
                    t.s47_enquiries
                        .iter()
                        .filter(|s| in_year(s.s47e_s47_start_date))
                        .count(),
                ),
            ),
            (
                "ICPCs within 15 working days of the s47 start (%)",
                pct(
                    icpc_timed.iter().filter(|&&d| d <= 15).count(),
                    icpc_timed.len(),
                ),
            ),
            (
                "Children starting to be looked after in year, per 10,000",
                per10k(
                    t.cla_episodes
                        .iter()
                        .filter(|e| {
                            e.clae_cla_episode_start_reason == model::codes::ReasonNewEpisode::S
                                && in_year(e.clae_cla_episode_start_date)
                        })
                        .count(),
                ),
            ),
            (
                "Contacts in year, per 10,000",
                per10k(
                    t.contacts
                        .iter()
                        .filter(|c| in_year(c.cont_contact_date))
                        .count(),
                ),
            ),
            ("People in the extract", t.people.len() as f64),
        ];
        Summary {
            year_start: start,
            year_end: end,
            checks,
            info,
        }
    }

    /// True when every figure is inside its range.
    pub fn all_ok(&self) -> bool {
        self.checks.iter().all(RateCheck::ok)
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "Year {} to {}:", self.year_start, self.year_end)?;
        for c in &self.checks {
            writeln!(
                f,
                "  {:<52} {:>8.1} {:<10} England range {}-{} {}",
                c.name,
                c.value,
                c.unit,
                c.low,
                c.high,
                if c.ok() { "ok" } else { "OUT OF RANGE" }
            )?;
        }
        for (n, v) in &self.info {
            writeln!(f, "  {n:<52} {v:>8.1}")?;
        }
        Ok(())
    }
}
