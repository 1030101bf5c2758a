//! The case model prepared once for every indicator and every point of a series: people,
//! teams and workers numbered, and each child's rows of the tables the indicators read grouped
//! and sorted by date, so a point is a scan rather than a search.

use hashbrown::HashMap;
use model::calendar::{add_months, age_in_years, HolidayCalendar};
use model::codes::*;
use model::tables::*;
use model::{CaseModel, Date, Id};
use rayon::prelude::*;

/// Rows of one table grouped by child: `of(child)` is that child's row indexes, in date order.
pub struct Groups {
    starts: Vec<u32>,
    rows: Vec<u32>,
}

impl Groups {
    /// Groups `table`'s rows by the child `child_of` names (rows naming nobody known are
    /// dropped) and sorts each child's rows by `date_of`, ties in input order.
    pub fn build<T: Sync, K: Ord>(
        people: usize,
        table: &[T],
        child_of: impl Fn(&T) -> Option<u32> + Sync,
        date_of: impl Fn(&T) -> K,
    ) -> Groups {
        let mut counts = vec![0u32; people + 1];
        // The id lookups are most of the cost: spread them over the cores.
        let owners: Vec<Option<u32>> = table.par_iter().map(&child_of).collect();
        for c in owners.iter().flatten() {
            counts[*c as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut next = counts;
        let mut rows = vec![0u32; *starts.last().unwrap_or(&0) as usize];
        for (row, owner) in owners.iter().enumerate() {
            if let Some(c) = owner {
                rows[next[*c as usize] as usize] = row as u32;
                next[*c as usize] += 1;
            }
        }
        for c in 0..people {
            let (a, b) = (starts[c] as usize, starts[c + 1] as usize);
            rows[a..b].sort_by_key(|&r| date_of(&table[r as usize]));
        }
        Groups { starts, rows }
    }

    pub fn of(&self, child: u32) -> &[u32] {
        let c = child as usize;
        if c + 1 >= self.starts.len() {
            return &[];
        }
        &self.rows[self.starts[c] as usize..self.starts[c + 1] as usize]
    }
}

/// Rows of one table in date order, so the rows of a period are a slice found by binary search.
pub struct ByDate {
    dates: Vec<Date>,
    rows: Vec<u32>,
}

impl ByDate {
    fn build<T>(table: &[T], date_of: impl Fn(&T) -> Option<Date>) -> ByDate {
        let mut pairs: Vec<(Date, u32)> = table
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((date_of(r)?, i as u32)))
            .collect();
        pairs.sort_unstable();
        ByDate {
            dates: pairs.iter().map(|p| p.0).collect(),
            rows: pairs.iter().map(|p| p.1).collect(),
        }
    }

    /// Rows dated `from..=to`, in date order.
    pub fn between(&self, from: Date, to: Date) -> &[u32] {
        let a = self.dates.partition_point(|&d| d < from);
        let b = self.dates.partition_point(|&d| d <= to);
        &self.rows[a..b.max(a)]
    }
}

/// What breakdowns need to know of a child.
#[derive(Debug, Clone, Copy)]
pub struct PersonFacts {
    pub sex: Sex,
    pub dob: Option<Date>,
    pub ethnicity: Ethnicity,
    pub disabled: bool,
}

/// The case model, numbered and grouped for the indicators.
pub struct Prepared<'a> {
    pub model: &'a CaseModel,
    pub calendar: HolidayCalendar,
    pub people: Vec<PersonFacts>,
    person_ix: HashMap<&'a str, u32>,
    team_ix: HashMap<&'a str, u32>,
    worker_ix: HashMap<&'a str, u32>,
    /// The team each worker belongs to.
    pub worker_team: Vec<Option<u32>>,
    pub referrals: Groups,
    pub cp_plans: Groups,
    pub cp_visits: Groups,
    pub episodes: Groups,
    pub legal_statuses: Groups,
    pub involvements: Groups,
    pub cla_visits: Groups,
    pub health_checks: Groups,
    pub immunisations: Groups,
    pub sdqs: Groups,
    pub missing: Groups,
    pub care_leavers: Groups,
    pub permanence: Groups,
    placement_ix: HashMap<&'a str, u32>,
    s47_ix: HashMap<&'a str, u32>,
    /// Child of each period of care (reviews name only the period).
    period_child: HashMap<&'a str, u32>,
    /// CP reviews grouped by plan (the `cp_plans` row), by review date then due date.
    pub cp_reviews_by_plan: Groups,
    /// Looked-after reviews by due date, and the child of each review row (resolved once
    /// through its period of care).
    pub cla_reviews_by_due: ByDate,
    pub cla_review_child: Vec<Option<u32>>,
    /// Each involvement's team and worker, resolved once (allocations are looked up for
    /// nearly every unit).
    involvement_held: Vec<(Option<u32>, Option<u32>)>,
    /// Referrals by referral date, and the child of each referral row.
    pub referrals_by_date: ByDate,
    pub referral_child: Vec<Option<u32>>,
    /// Each referral's own team and worker, resolved once.
    pub referral_held: Vec<(Option<u32>, Option<u32>)>,
    /// Assessments by authorisation date, and the child of each assessment row.
    pub assessments_by_done: ByDate,
    pub assessment_child: Vec<Option<u32>>,
    pub assessment_held: Vec<(Option<u32>, Option<u32>)>,
    /// The open cases at each date asked for (four indicators ask the same question at each
    /// point of a series), filled as they are asked.
    pub(crate) open_cases_memo: DateMemo<OpenCase>,
    /// The children looked after at each date asked for (five indicators ask at each point).
    pub(crate) looked_after_memo: DateMemo<LookedAfter>,
    /// Each referral's unit (by row; None for a child not in the model), made once: nine
    /// indicators count referrals and differ only in which ones hit.
    pub(crate) referral_units: std::sync::OnceLock<Vec<Option<crate::compute::Unit>>>,
    /// Each authorised assessment's unit with its working days (by row), made once.
    pub(crate) assessment_units: std::sync::OnceLock<Vec<Option<crate::compute::Unit>>>,
}

/// Lists worked out once per date and shared by the indicators that ask at that date.
pub(crate) struct DateMemo<T>(std::sync::Mutex<HashMap<Date, std::sync::Arc<[T]>>>);

impl<T> Default for DateMemo<T> {
    fn default() -> Self {
        DateMemo(Default::default())
    }
}

impl<T> DateMemo<T> {
    /// The list for `d`, made by `make` the first time. Two threads asking at once may both
    /// make it; either result is kept, as both are the same.
    pub fn get_or(&self, d: Date, make: impl FnOnce() -> Vec<T>) -> std::sync::Arc<[T]> {
        if let Some(hit) = self.0.lock().ok().and_then(|m| m.get(&d).cloned()) {
            return hit;
        }
        let made: std::sync::Arc<[T]> = make().into();
        if let Ok(mut m) = self.0.lock() {
            m.insert(d, made.clone());
        }
        made
    }
}

/// A child looked after at a date, with the episode then.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LookedAfter {
    pub child: u32,
    /// The episode's row in `cla_episodes`.
    pub episode: u32,
    /// The child's unit at the date, held by their allocation then.
    pub unit: crate::compute::Unit,
}

/// A child with a CIN episode open at a date, and who held the case then.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OpenCase {
    pub child: u32,
    /// The allocation open then (team and worker as recorded), if any.
    pub allocation: Option<(Option<u32>, Option<u32>)>,
    /// The child's unit at the date, held by that allocation.
    pub unit: crate::compute::Unit,
}

impl<'a> Prepared<'a> {
    pub fn new(model: &'a CaseModel) -> Prepared<'a> {
        Prepared::with_calendar(model, HolidayCalendar::england_and_wales())
    }

    pub fn with_calendar(model: &'a CaseModel, calendar: HolidayCalendar) -> Prepared<'a> {
        let t = &model.tables;
        let person_ix: HashMap<&str, u32> = t
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.pers_person_id.as_str(), i as u32))
            .collect();
        let mut disabled = vec![false; t.people.len()];
        for d in &t.disabilities {
            if d.disa_disability_code != Disability::None {
                if let Some(&i) = person_ix.get(d.disa_person_id.as_str()) {
                    disabled[i as usize] = true;
                }
            }
        }
        let people = t
            .people
            .iter()
            .zip(&disabled)
            .map(|(p, &disabled)| PersonFacts {
                sex: p.pers_sex,
                dob: p.pers_dob,
                ethnicity: p.pers_ethnicity,
                disabled,
            })
            .collect();
        let team_ix = t
            .teams
            .iter()
            .enumerate()
            .map(|(i, x)| (x.dept_team_id.as_str(), i as u32))
            .collect::<HashMap<_, _>>();
        let worker_ix: HashMap<&str, u32> = t
            .professionals
            .iter()
            .enumerate()
            .map(|(i, x)| (x.prof_professional_id.as_str(), i as u32))
            .collect();
        let worker_team = t
            .professionals
            .iter()
            .map(|x| {
                x.prof_professional_department
                    .as_ref()
                    .and_then(|d| team_ix.get(d.as_str()).copied())
            })
            .collect();
        let n = t.people.len();
        let who = |id: &PersonId| person_ix.get(id.as_str()).copied();
        let placement_ix = t
            .placements
            .iter()
            .enumerate()
            .map(|(i, x)| (x.clap_cla_placement_id.as_str(), i as u32))
            .collect();
        let s47_ix = t
            .s47_enquiries
            .iter()
            .enumerate()
            .map(|(i, x)| (x.s47e_s47_enquiry_id.as_str(), i as u32))
            .collect();
        let period_child: HashMap<&str, u32> = t
            .cla_episodes
            .iter()
            .filter_map(|e| Some((e.clae_cla_id.as_str(), who(&e.clae_person_id)?)))
            .collect();
        let cla_review_child = t
            .cla_reviews
            .iter()
            .map(|r| period_child.get(r.clar_cla_id.as_str()).copied())
            .collect();
        let plan_ix: HashMap<&str, u32> = t
            .cp_plans
            .iter()
            .enumerate()
            .map(|(i, x)| (x.cppl_cp_plan_id.as_str(), i as u32))
            .collect();
        let cp_reviews_by_plan = Groups::build(
            t.cp_plans.len(),
            &t.cp_reviews,
            |r| plan_ix.get(r.cppr_cp_plan_id.as_str()).copied(),
            |r| (r.cppr_cp_review_date, r.cppr_cp_review_due),
        );
        let worker_team_v: Vec<Option<u32>> = worker_team;
        let involvement_held = t
            .involvements
            .iter()
            .map(|i| {
                let worker = i
                    .invo_professional_id
                    .as_ref()
                    .and_then(|x| worker_ix.get(x.as_str()).copied());
                let team = i
                    .invo_professional_team
                    .as_ref()
                    .and_then(|x| team_ix.get(x.as_str()).copied())
                    .or_else(|| worker.and_then(|w| worker_team_v[w as usize]));
                (team, worker)
            })
            .collect();
        let referral_child = t
            .cin_episodes
            .iter()
            .map(|r| who(&r.cine_person_id))
            .collect();
        let assessment_child = t
            .assessments
            .iter()
            .map(|r| who(&r.cina_person_id))
            .collect();
        let resolve = |team: Option<&TeamId>, worker: Option<&ProfessionalId>| {
            (
                team.and_then(|x| team_ix.get(x.as_str()).copied()),
                worker.and_then(|x| worker_ix.get(x.as_str()).copied()),
            )
        };
        let referral_held = t
            .cin_episodes
            .iter()
            .map(|r| {
                resolve(
                    r.cine_referral_team.as_ref(),
                    r.cine_referral_worker_id.as_ref(),
                )
            })
            .collect();
        let assessment_held = t
            .assessments
            .iter()
            .map(|r| {
                resolve(
                    r.cina_assessment_team.as_ref(),
                    r.cina_assessment_worker_id.as_ref(),
                )
            })
            .collect();
        Prepared {
            open_cases_memo: Default::default(),
            looked_after_memo: Default::default(),
            referral_units: Default::default(),
            assessment_units: Default::default(),
            referral_held,
            assessment_held,
            involvement_held,
            referrals_by_date: ByDate::build(&t.cin_episodes, |r| Some(r.cine_referral_date)),
            referral_child,
            assessments_by_done: ByDate::build(&t.assessments, |r| r.cina_assessment_auth_date),
            assessment_child,
            referrals: Groups::build(
                n,
                &t.cin_episodes,
                |r| who(&r.cine_person_id),
                |r| r.cine_referral_date,
            ),
            cp_plans: Groups::build(
                n,
                &t.cp_plans,
                |r| who(&r.cppl_person_id),
                |r| r.cppl_cp_plan_start_date,
            ),
            cp_visits: Groups::build(
                n,
                &t.cp_visits,
                |r| who(&r.cppv_person_id),
                |r| r.cppv_cp_visit_date,
            ),
            episodes: Groups::build(
                n,
                &t.cla_episodes,
                |r| who(&r.clae_person_id),
                |r| r.clae_cla_episode_start_date,
            ),
            legal_statuses: Groups::build(
                n,
                &t.legal_statuses,
                |r| who(&r.lega_person_id),
                |r| r.lega_legal_status_start_date,
            ),
            involvements: Groups::build(
                n,
                &t.involvements,
                |r| who(&r.invo_person_id),
                |r| r.invo_involvement_start_date,
            ),
            cla_visits: Groups::build(
                n,
                &t.cla_visits,
                |r| who(&r.clav_person_id),
                |r| r.clav_cla_visit_date,
            ),
            health_checks: Groups::build(
                n,
                &t.health_checks,
                |r| who(&r.clah_person_id),
                |r| r.clah_health_check_date,
            ),
            immunisations: Groups::build(
                n,
                &t.immunisations,
                |r| who(&r.clai_person_id),
                |r| r.clai_immunisations_status_date,
            ),
            sdqs: Groups::build(
                n,
                &t.sdq_scores,
                |r| who(&r.csdq_person_id),
                |r| r.csdq_sdq_completed_date,
            ),
            missing: Groups::build(
                n,
                &t.missing_episodes,
                |r| who(&r.miss_person_id),
                |r| r.miss_missing_episode_start_date,
            ),
            care_leavers: Groups::build(
                n,
                &t.care_leavers,
                |r| who(&r.clea_person_id),
                |r| r.clea_care_leaver_latest_contact,
            ),
            permanence: Groups::build(n, &t.permanence, |r| who(&r.perm_person_id), |_| 0),
            model,
            calendar,
            people,
            person_ix,
            team_ix,
            worker_ix,
            worker_team: worker_team_v,
            placement_ix,
            s47_ix,
            period_child,
            cla_review_child,
            cp_reviews_by_plan,
            cla_reviews_by_due: ByDate::build(&t.cla_reviews, |r| r.clar_cla_review_due_date),
        }
    }

    pub fn child(&self, id: &PersonId) -> Option<u32> {
        self.person_ix.get(id.as_str()).copied()
    }
    pub fn team(&self, id: Option<&TeamId>) -> Option<u32> {
        id.and_then(|x| self.team_ix.get(x.as_str()).copied())
    }
    pub fn worker(&self, id: Option<&ProfessionalId>) -> Option<u32> {
        id.and_then(|x| self.worker_ix.get(x.as_str()).copied())
    }
    pub fn placement(&self, id: &Id<Placement>) -> Option<&'a Placement> {
        let i = *self.placement_ix.get(id.as_str())?;
        Some(&self.model.tables.placements[i as usize])
    }
    pub fn s47(&self, id: &S47Id) -> Option<&'a S47Enquiry> {
        let i = *self.s47_ix.get(id.as_str())?;
        Some(&self.model.tables.s47_enquiries[i as usize])
    }
    pub fn period_child(&self, id: &PeriodOfCareId) -> Option<u32> {
        self.period_child.get(id.as_str()).copied()
    }
    pub fn person_id(&self, child: u32) -> &'a str {
        self.model.tables.people[child as usize]
            .pers_person_id
            .as_str()
    }
    pub fn team_name(&self, team: u32) -> &'a str {
        &self.model.tables.teams[team as usize].dept_team_name
    }
    pub fn worker_name(&self, worker: u32) -> &'a str {
        let w = &self.model.tables.professionals[worker as usize];
        w.prof_professional_name
            .as_deref()
            .unwrap_or(w.prof_professional_id.as_str())
    }

    /// Age in completed years on `on`, if the date of birth is known and not after `on`.
    pub fn age(&self, child: u32, on: Date) -> Option<u8> {
        let dob = self.people[child as usize].dob?;
        let a = age_in_years(dob.0, on.0);
        (0..=120).contains(&a).then_some(a as u8)
    }

    /// The child's allocated team and worker on `d`: the latest allocation open then (an
    /// allocation ending on `d` has ended).
    pub fn allocation(&self, child: u32, d: Date) -> Option<(Option<u32>, Option<u32>)> {
        let t = &self.model.tables.involvements;
        self.involvements
            .of(child)
            .iter()
            .rev()
            .find(|&&i| {
                let i = &t[i as usize];
                i.invo_professional_id.is_some()
                    && i.invo_involvement_start_date <= d
                    && i.invo_involvement_end_date.is_none_or(|e| e > d)
            })
            .map(|&i| self.involvement_held[i as usize])
    }

    /// Each involvement row's resolved worker (for counting distinct workers).
    pub fn involvement_worker(&self, row: u32) -> Option<u32> {
        self.involvement_held[row as usize].1
    }

    /// The child's legal status on `d`.
    pub fn legal_status(&self, child: u32, d: Date) -> Option<LegalStatus> {
        let t = &self.model.tables.legal_statuses;
        self.legal_statuses
            .of(child)
            .iter()
            .rev()
            .map(|&i| &t[i as usize])
            .find(|s| {
                s.lega_legal_status_start_date <= d
                    && s.lega_legal_status_end_date.is_none_or(|e| e > d)
            })
            .map(|s| s.lega_legal_status)
    }

    /// The child's care episode in force on `d` (looked after on `d`).
    pub fn episode_on(&self, child: u32, d: Date) -> Option<&'a ClaEpisode> {
        let t = &self.model.tables.cla_episodes;
        self.episode_row_on(child, d).map(|i| &t[i as usize])
    }

    /// As [`Prepared::episode_on`], the episode's row.
    fn episode_row_on(&self, child: u32, d: Date) -> Option<u32> {
        let t = &self.model.tables.cla_episodes;
        self.episodes.of(child).iter().rev().copied().find(|&i| {
            let e = &t[i as usize];
            e.clae_cla_episode_start_date <= d
                && e.clae_cla_episode_ceased_date.is_none_or(|c| c > d)
        })
    }

    /// The child's episodes, in date order.
    pub fn episodes_of(&self, child: u32) -> impl DoubleEndedIterator<Item = &'a ClaEpisode> + '_ {
        let t = &self.model.tables.cla_episodes;
        self.episodes.of(child).iter().map(move |&i| &t[i as usize])
    }

    /// Looked after on `d`, other than under an agreed series of short breaks (V3/V4), which
    /// the DfE's looked-after statistics exclude (spec §5.1).
    pub fn looked_after_on(&self, child: u32, d: Date) -> Option<&'a ClaEpisode> {
        let t = &self.model.tables.cla_episodes;
        self.looked_after_row_on(child, d).map(|i| &t[i as usize])
    }

    /// As [`Prepared::looked_after_on`], the episode's row.
    pub fn looked_after_row_on(&self, child: u32, d: Date) -> Option<u32> {
        let i = self.episode_row_on(child, d)?;
        let e = &self.model.tables.cla_episodes[i as usize];
        let short = self
            .legal_status(child, d)
            .or_else(|| self.legal_status(child, e.clae_cla_episode_start_date))
            .is_some_and(LegalStatus::is_short_break);
        (!short).then_some(i)
    }

    /// Placement type of an episode.
    pub fn placement_type(&self, e: &ClaEpisode) -> Option<PlacementType> {
        self.placement(&e.clae_cla_placement_id)
            .map(|p| p.clap_cla_placement_type)
    }

    pub fn is_short_break_episode(&self, child: u32, e: &ClaEpisode) -> bool {
        self.legal_status(child, e.clae_cla_episode_start_date)
            .is_some_and(LegalStatus::is_short_break)
    }
}

/// `d` plus `n` calendar months, clamped to the month's end (spec §6.2).
pub fn months(d: Date, n: i32) -> Date {
    Date(add_months(d.0, n))
}
