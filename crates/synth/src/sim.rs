//! Life-history simulation, one child at a time.
//!
//! Each child of the population (everyone aged 0-17 at some point in the simulated years) gets a
//! latent level of need. Needs produce contacts; contacts may become referrals; a referral runs
//! its course (assessment, section 47, conference, plans, care) and closes; after a gap the
//! child may come back. Three years are simulated before the extract's window so that children
//! already on plans or in care when it opens have their full history; chains of work that ended
//! before the window are dropped, as the SSD's six-year extract would.

use model::calendar::{add_months, add_years, HolidayCalendar};
use model::codes::*;
use model::table::Json;
use model::tables::*;
use model::{Date, Id, Tables};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::workforce::{mix, TeamKind, Workforce};
use crate::Config;

/// Years simulated before the window opens.
const BURN_IN_YEARS: i32 = 3;
/// Share of children who are ever known to children's services.
const P_INVOLVED: f64 = 0.40;

pub fn simulate(cfg: &Config, wf: &Workforce, progress: &(dyn Fn(u64, u64) + Sync)) -> Tables {
    let cal = HolidayCalendar::england_and_wales();
    let window_start = Date(add_years(cfg.as_at.0, -(cfg.years as i32)));
    let sim_start = Date(add_years(window_start.0, -BURN_IN_YEARS));
    // Birth dates spread evenly from 18 years before the simulation starts to the as-at date,
    // so that `population` children are aged 0-17 on any day.
    let span_days = Date(add_years(sim_start.0, -18)).days_until(cfg.as_at);
    let slots = (cfg.population as f64 * span_days as f64 / (18.0 * 365.25)).round() as u64;
    let chunk = 2048u64;
    let chunks = slots.div_ceil(chunk);
    let done = std::sync::atomic::AtomicU64::new(0);
    let parts: Vec<Tables> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let mut out = Tables::default();
            for idx in c * chunk..((c + 1) * chunk).min(slots) {
                let mut rng = ChaCha8Rng::seed_from_u64(mix(cfg.seed ^ mix(idx)));
                let dob = Date(add_years(sim_start.0, -18)).plus_days(rng.gen_range(0..=span_days));
                if rng.gen::<f64>() >= P_INVOLVED {
                    continue;
                }
                let mut child = Child {
                    rng,
                    cal: &cal,
                    cfg,
                    wf,
                    idx,
                    pid: Id::new(format!("SYN{idx:07}")).expect("person id"),
                    dob,
                    sex: Sex::Male,
                    window_start,
                    out: Tables::default(),
                    n: 0,
                    referrals: 0,
                    cp_plans: 0,
                    periods: 0,
                    ever_in_care: false,
                    uasc: false,
                    worker: None,
                    last_missing_back: None,
                };
                child.live(sim_start);
                if !child.out.cin_episodes.is_empty() || !child.out.contacts.is_empty() {
                    child.finish();
                    out.append(&mut child.out);
                }
            }
            let d = done.fetch_add(chunk, std::sync::atomic::Ordering::Relaxed) + chunk;
            progress(d.min(slots), slots);
            out
        })
        .collect();
    let mut all = Tables::default();
    for mut p in parts {
        all.append(&mut p);
    }
    all
}

struct Child<'a> {
    rng: ChaCha8Rng,
    cal: &'a HolidayCalendar,
    cfg: &'a Config,
    wf: &'a Workforce,
    idx: u64,
    pid: PersonId,
    dob: Date,
    sex: Sex,
    window_start: Date,
    out: Tables,
    /// Counter for this child's row ids.
    n: u32,
    referrals: u32,
    cp_plans: u32,
    periods: u32,
    ever_in_care: bool,
    uasc: bool,
    /// The open allocated-worker involvement (row index), if any: a child has one allocated
    /// social worker at a time, so the involvements form a chain (903 rules SW08 to SW19).
    worker: Option<usize>,
    /// When the child's latest missing episode ended, so that no later one (in this or a
    /// later period of care) overlaps it.
    last_missing_back: Option<Date>,
}

/// How a chain of work (one referral) ended.
enum Ended {
    /// Closed on this date; the child may come back later.
    Closed(Date),
    /// Still open at the as-at date, or the child has aged out of the simulation.
    Open,
}

impl Child<'_> {
    fn id<T>(&mut self, tag: &str) -> Id<T> {
        self.n += 1;
        Id::new(format!("{}{}{:03}", self.pid, tag, self.n)).expect("row id")
    }

    fn p(&mut self, prob: f64) -> bool {
        self.rng.gen::<f64>() < prob
    }

    fn days(&mut self, lo: i64, hi: i64) -> i64 {
        self.rng.gen_range(lo..=hi)
    }

    /// A draw from an exponential distribution with the given mean (in days).
    fn exp_days(&mut self, mean: f64) -> i64 {
        let u: f64 = self.rng.gen_range(1e-9..1.0);
        (-u.ln() * mean).round() as i64
    }

    fn pick<T: Copy>(&mut self, weighted: &[(T, u32)]) -> T {
        let total: u32 = weighted.iter().map(|w| w.1).sum();
        let mut r = self.rng.gen_range(0..total);
        for &(v, w) in weighted {
            if r < w {
                return v;
            }
            r -= w;
        }
        weighted[0].0
    }

    fn age_on(&self, d: Date) -> i32 {
        model::calendar::age_in_years(self.dob.0, d.0)
    }

    fn birthday(&self, years: i32) -> Date {
        Date(add_years(self.dob.0, years))
    }

    fn wd(&self, d: Date, n: u32) -> Date {
        Date(self.cal.add_working_days(d.0, n))
    }

    fn as_at(&self) -> Date {
        self.cfg.as_at
    }

    /// Simulates the child's life from `sim_start` to the as-at date.
    fn live(&mut self, sim_start: Date) {
        self.sex = self.pick(&[(Sex::Male, 51), (Sex::Female, 49)]);
        // Latent need: most children known to services come once or twice; a few keep returning.
        let mean_gap_days = self.pick(&[(3000.0, 55), (1100.0, 30), (420.0, 15)]);
        let referral_bias = if mean_gap_days < 500.0 {
            0.55
        } else if mean_gap_days < 2000.0 {
            0.42
        } else {
            0.30
        };
        let start = sim_start.max(self.dob);
        let last = self.birthday(18).plus_days(-1).min(self.as_at());
        let mut t = start.plus_days(self.exp_days(mean_gap_days));
        // Unaccompanied asylum-seeking children arrive as teenagers and go straight into care.
        if self.p(0.004) {
            let arrive = self.birthday(15).plus_days(self.days(0, 900));
            if arrive >= start && arrive <= last {
                self.uasc = true;
                t = arrive;
            }
        }
        let mut first = true;
        while t <= last {
            // A UASC's arrival is always a referral; otherwise need decides.
            let contact_only = if first && self.uasc {
                false
            } else {
                !self.p(referral_bias)
            };
            let plans_before = self.cp_plans;
            let ended = if contact_only {
                self.contact_without_referral(t);
                Ended::Closed(t)
            } else {
                self.referral_chain(t)
            };
            let bounce = if self.cp_plans > plans_before {
                0.3
            } else {
                0.34
            };
            first = false;
            match ended {
                Ended::Open => break,
                Ended::Closed(end) => {
                    // Some cases bounce back quickly (the re-referrals inspectors look for).
                    let gap = if self.p(bounce) {
                        self.days(20, 360)
                    } else {
                        self.exp_days(mean_gap_days).max(30)
                    };
                    t = end.plus_days(gap);
                }
            }
        }
    }

    fn contact(&mut self, d: Date, outcome: ContactOutcome) {
        let source = self.referral_source();
        let id = self.id("C");
        let row = Contact {
            cont_contact_id: id,
            cont_person_id: self.pid.clone(),
            cont_contact_date: d,
            cont_contact_source_code: source,
            cont_contact_source_desc: Some(source.label().to_string()),
            cont_contact_outcome_json: Some(Json(outcome)),
        };
        self.out.contacts.push(row);
    }

    fn referral_source(&mut self) -> ReferralSource {
        use ReferralSource::*;
        self.pick(&[
            (S6, 29),
            (S2A, 20),
            (S3A, 3),
            (S3B, 3),
            (S3D, 4),
            (S3E, 3),
            (S3F, 2),
            (S5A, 3),
            (S5B, 3),
            (S5C, 2),
            (S5D, 3),
            (S1A, 5),
            (S1B, 2),
            (S1C, 2),
            (S1D, 1),
            (S4, 2),
            (S7, 3),
            (S8, 5),
            (S9, 2),
            (S10, 3),
            (S2B, 2),
            (S3C, 1),
        ])
    }

    fn contact_without_referral(&mut self, d: Date) {
        if d < self.window_start {
            return;
        }
        let early_help = self.p(0.3);
        let outcome = ContactOutcome {
            nfa_flag: !early_help && self.p(0.6),
            advice_flag: !early_help,
            early_help_flag: early_help,
            ..Default::default()
        };
        self.contact(d, outcome);
        if early_help {
            let start = d.plus_days(self.days(1, 15));
            if start <= self.as_at() {
                let end = start.plus_days(self.days(60, 300));
                let (_, worker) = self
                    .wf
                    .allocate(TeamKind::EarlyHelp, self.idx, self.n as u64);
                let id = self.id("E");
                let row = EarlyHelpEpisode {
                    earl_episode_id: id,
                    earl_person_id: self.pid.clone(),
                    earl_episode_start_date: start,
                    earl_episode_end_date: (end <= self.as_at()).then_some(end),
                    earl_episode_reason: Some("Family support".into()),
                    earl_episode_end_reason: (end <= self.as_at()).then(|| "Needs met".to_string()),
                    earl_episode_organisation: Some("Early Help Service".into()),
                    earl_episode_worker_id: Some(worker),
                };
                self.out.early_help_episodes.push(row);
            }
        }
    }

    /// One referral and everything that follows from it, to its closure.
    fn referral_chain(&mut self, contact_date: Date) -> Ended {
        let mark = self.out.mark();
        let leavers_before = self.out.care_leavers.len();
        let ended = self.referral(contact_date);
        // Drop chains of work that ended before the extract window, as a six-year extract would.
        if let Ended::Closed(end) = ended {
            let last_leaver_contact = self.out.care_leavers[leavers_before..]
                .iter()
                .map(|c| c.clea_care_leaver_latest_contact)
                .max();
            if end < self.window_start && last_leaver_contact.is_none_or(|d| d < self.window_start)
            {
                self.out.truncate_to(&mark);
            }
        }
        ended
    }

    fn referral(&mut self, contact_date: Date) -> Ended {
        let as_at = self.as_at();
        let ref_date = if self.p(0.75) {
            contact_date
        } else {
            {
                let n = self.days(1, 2) as u32;
                self.wd(contact_date, n)
            }
        };
        if ref_date > as_at {
            return Ended::Open;
        }
        self.referrals += 1;
        let s47_prob = if self.cp_plans > 0 { 0.5 } else { 0.34 };
        let s47_now = !self.uasc && self.p(s47_prob);
        self.contact(
            contact_date,
            ContactOutcome {
                new_referral_flag: true,
                cp_enquiry_flag: s47_now,
                ..Default::default()
            },
        );
        let rid: ReferralId = self.id("R");
        let source = self.referral_source();
        let (team, worker) =
            self.wf
                .allocate(TeamKind::Assessment, self.idx, self.referrals as u64);
        let need = if self.uasc {
            PrimaryNeed::N8
        } else {
            self.pick(&[
                (PrimaryNeed::N1, 52),
                (PrimaryNeed::N2, 7),
                (PrimaryNeed::N3, 4),
                (PrimaryNeed::N4, 10),
                (PrimaryNeed::N5, 17),
                (PrimaryNeed::N6, 3),
                (PrimaryNeed::N7, 1),
                (PrimaryNeed::N8, 4),
                (PrimaryNeed::N9, 2),
            ])
        };
        let nfa = !self.uasc && !s47_now && self.p(0.07);
        let cin_index = self.out.cin_episodes.len();
        let row = CinEpisode {
            cine_referral_id: rid.clone(),
            cine_person_id: self.pid.clone(),
            cine_referral_date: ref_date,
            cine_cin_primary_need_code: (!nfa).then_some(need),
            cine_referral_source_code: source,
            cine_referral_source_desc: Some(source.label().to_string()),
            cine_referral_outcome_json: None,
            cine_referral_nfa: YesNo::from_bool(nfa),
            cine_close_reason: None,
            cine_close_date: None,
            cine_referral_team: Some(team.clone()),
            cine_referral_worker_id: Some(worker.clone()),
        };
        self.out.cin_episodes.push(row);
        if nfa {
            let close = ref_date;
            self.close_referral(cin_index, close, ClosureReason::Rc8);
            return Ended::Closed(close);
        }
        let inv = self.allocate(
            &rid,
            ref_date,
            TeamKind::Assessment,
            Some(WorkerChangeReason::Fconta),
        );

        // Assessment, usually starting within a few days of the referral.
        let a_start = {
            let n = self.pick(&[(0u32, 40), (1, 25), (2, 15), (3, 10), (5, 10)]);
            self.wd(ref_date, n)
        };
        if a_start > as_at {
            return Ended::Open;
        }
        let a_wd = self.assessment_working_days();
        let a_end = self.wd(a_start, a_wd);
        let aid: AssessmentId = self.id("A");
        let completed = a_end <= as_at;
        let row = Assessment {
            cina_assessment_id: aid.clone(),
            cina_person_id: self.pid.clone(),
            cina_referral_id: rid.clone(),
            cina_assessment_start_date: a_start,
            cina_assessment_child_seen: Some(YesNo::from_bool(self.p(0.97))),
            cina_assessment_auth_date: completed.then_some(a_end),
            cina_assessment_outcome_json: None,
            cina_assessment_outcome_nfa: None,
            cina_assessment_team: Some(team.clone()),
            cina_assessment_worker_id: Some(worker.clone()),
        };
        self.out.assessments.push(row);

        // Section 47 enquiry, from a strategy discussion soon after referral.
        let mut last_activity = a_end;
        let mut cp_end: Option<Date> = None;
        let mut into_care_from: Option<Date> = None;
        let mut had_plan = false;
        if s47_now {
            let s_start = {
                let n = self.pick(&[(0u32, 50), (1, 25), (2, 15), (4, 10)]);
                self.wd(ref_date, n)
            };
            if s_start > as_at {
                return Ended::Open;
            }
            let s47_result = self.section47(&rid, s_start);
            if let Some(e) = self
                .out
                .s47_enquiries
                .last()
                .and_then(|s| s.s47e_s47_end_date)
            {
                last_activity = last_activity.max(e);
            }
            match s47_result {
                S47Result::Open => return Ended::Open,
                S47Result::NoConference => {}
                S47Result::Emergency(d) => into_care_from = Some(d),
                S47Result::Plan { end } => {
                    had_plan = true;
                    match end {
                        None => return Ended::Open,
                        Some(e) => {
                            cp_end = Some(e);
                            if self.p(0.2) {
                                into_care_from = Some(e);
                            }
                        }
                    }
                }
            }
        }
        if !completed {
            return Ended::Open;
        }
        let factors = self.factors(need);
        let fid = self.id("F");
        let row = AssessmentFactors {
            cinf_table_id: fid,
            cinf_assessment_id: aid,
            cinf_assessment_factors_json: Json(factors),
        };
        self.out.assessment_factors.push(row);

        let mut t = cp_end.unwrap_or(a_end).max(last_activity);
        // UASC and some adolescents are accommodated once the assessment (and any plan) is done.
        if into_care_from.is_none() && (self.uasc || (self.age_on(t) >= 12 && self.p(0.06))) {
            into_care_from = Some(if self.uasc { ref_date } else { t });
        }
        // Nobody starts to be looked after in the last month before turning 18.
        let into_care_from = into_care_from.filter(|&d| d < self.birthday(18).plus_days(-30));
        if let Some(d) = into_care_from {
            let d = d.max(ref_date);
            // care() allocates the children-in-care worker, which ends this allocation.
            return match self.care(&rid, d, need) {
                None => Ended::Open,
                Some((end, reason)) => {
                    // Care can end before the assessment that began the referral is signed off
                    // (an unaccompanied child leaving care at 18): the case closes after both.
                    let close = end.max(t);
                    let rc = match reason {
                        r if r.is_adoption() => ClosureReason::Rc1,
                        r if r.is_sgo() => ClosureReason::Rc4,
                        ReasonEpisodeCeased::E41 => ClosureReason::Rc3,
                        ReasonEpisodeCeased::E2 => ClosureReason::Rc2,
                        ReasonEpisodeCeased::E3 => ClosureReason::Rc5,
                        ReasonEpisodeCeased::E7 => ClosureReason::Rc6,
                        _ => ClosureReason::Rc7,
                    };
                    self.close_referral(cin_index, close, rc);
                    Ended::Closed(close)
                }
            };
        }
        // Child in need plan: after a CP plan (step-down) or straight after assessment.
        let cin_plan =
            had_plan && self.p(0.7) || !had_plan && self.p(if s47_now { 0.30 } else { 0.42 });
        if cin_plan {
            let inv2 = self.allocate(
                &rid,
                t,
                TeamKind::Safeguarding,
                Some(WorkerChangeReason::Tsproc),
            );
            let months = self.pick(&[(3, 20), (6, 35), (9, 25), (12, 12), (18, 8)]);
            let end = Date(add_months(t.0, months)).plus_days(self.days(-20, 20));
            let pid_ = self.id("N");
            let (team, worker) =
                self.wf
                    .allocate(TeamKind::Safeguarding, self.idx, self.referrals as u64 + 7);
            let open = end > as_at;
            let row = CinPlan {
                cinp_cin_plan_id: pid_,
                cinp_referral_id: rid.clone(),
                cinp_person_id: self.pid.clone(),
                cinp_cin_plan_start_date: t,
                cinp_cin_plan_end_date: (!open).then_some(end),
                cinp_cin_plan_team: Some(team),
                cinp_cin_plan_worker_id: Some(worker),
            };
            self.out.cin_plans.push(row);
            self.visits_cin(t, end.min(as_at));
            if open {
                return Ended::Open;
            }
            self.end_involvement(inv2, end);
            t = end;
            let rc = if self.p(0.9) {
                ClosureReason::Rc7
            } else {
                ClosureReason::Rc5
            };
            self.close_referral(cin_index, t, rc);
            return Ended::Closed(t);
        }
        self.end_involvement(inv, t);
        let rc = if had_plan || s47_now {
            ClosureReason::Rc7
        } else if self.p(0.3) {
            ClosureReason::Rc9
        } else {
            ClosureReason::Rc8
        };
        self.close_referral(cin_index, t, rc);
        Ended::Closed(t)
    }

    fn close_referral(&mut self, index: usize, d: Date, reason: ClosureReason) {
        let e = &mut self.out.cin_episodes[index];
        if d <= self.cfg.as_at {
            e.cine_close_date = Some(d);
            e.cine_close_reason = Some(reason);
        }
    }

    /// Working days to complete an assessment: most within 45 (spec §5.2), a tail beyond.
    fn assessment_working_days(&mut self) -> u32 {
        match self.pick(&[(0u8, 3), (1, 18), (2, 24), (3, 24), (4, 19), (5, 12)]) {
            0 => 0,
            1 => self.days(1, 10) as u32,
            2 => self.days(11, 25) as u32,
            3 => self.days(26, 38) as u32,
            4 => self.days(39, 45) as u32,
            _ => self.days(46, 90) as u32,
        }
    }

    fn factors(&mut self, need: PrimaryNeed) -> Vec<AssessmentFactor> {
        use AssessmentFactor::*;
        if self.uasc {
            return vec![F9A];
        }
        let pool = [
            (F3B, 30),
            (F4B, 28),
            (F2B, 14),
            (F1B, 12),
            (F16A, 16),
            (F17A, 14),
            (F4A, 12),
            (F18C, 7),
            (F19C, 4),
            (F10A, 4),
            (F11A, 3),
            (F24A, 3),
            (F15A, 4),
            (F5A, 4),
            (F6B, 4),
            (F7A, 2),
            (F20, 8),
            (F14A, 3),
            (F13A, 2),
            (F3A, 3),
        ];
        if need == PrimaryNeed::N9 || self.p(0.06) {
            return vec![F21];
        }
        let k = self.pick(&[(1usize, 35), (2, 35), (3, 20), (4, 10)]);
        let mut v: Vec<AssessmentFactor> = vec![];
        while v.len() < k {
            let f = self.pick(&pool);
            if !v.contains(&f) {
                v.push(f);
            }
        }
        v.sort();
        v
    }

    fn section47(&mut self, rid: &ReferralId, start: Date) -> S47Result {
        let as_at = self.as_at();
        let sid: S47Id = self.id("Q");
        let icpc = self.p(if self.cp_plans > 0 { 0.5 } else { 0.35 });
        let s47_wd: u32 = if icpc {
            self.pick(&[
                (5u32, 10),
                (8, 20),
                (10, 20),
                (12, 20),
                (14, 12),
                (15, 6),
                (18, 7),
                (22, 5),
            ])
        } else {
            self.days(3, 25) as u32
        };
        let conf_date = self.wd(start, s47_wd);
        // The enquiry ends with the conference, or with its no-conference outcome.
        let end = conf_date;
        let closed = end <= as_at;
        let (team, worker) =
            self.wf
                .allocate(TeamKind::Assessment, self.idx, self.referrals as u64);
        let row = S47Enquiry {
            s47e_s47_enquiry_id: sid.clone(),
            s47e_referral_id: rid.clone(),
            s47e_person_id: self.pid.clone(),
            s47e_s47_start_date: start,
            s47e_s47_end_date: closed.then_some(end),
            s47e_s47_nfa: closed.then_some(YesNo::from_bool(!icpc)),
            s47e_s47_outcome_json: None,
            s47e_s47_completed_by_team: Some(team.clone()),
            s47e_s47_completed_by_worker_id: Some(worker.clone()),
        };
        self.out.s47_enquiries.push(row);
        if !closed {
            return S47Result::Open;
        }
        if !icpc {
            // A few enquiries end with an emergency removal rather than a conference.
            if self.p(0.05) {
                return S47Result::Emergency(start);
            }
            return S47Result::NoConference;
        }
        let plan = self.p(0.82);
        let cid: IcpcId = self.id("I");
        let plan_id: CpPlanId = self.id("P");
        let row = InitialCpConference {
            icpc_icpc_id: cid.clone(),
            icpc_icpc_meeting_id: Some(format!("M{}", cid)),
            icpc_s47_enquiry_id: Some(sid),
            icpc_person_id: self.pid.clone(),
            icpc_cp_plan_id: plan.then(|| plan_id.clone()),
            icpc_referral_id: rid.clone(),
            icpc_icpc_transfer_in: YesNo::No,
            icpc_icpc_target_date: Some(self.wd(start, 15)),
            icpc_icpc_date: conf_date,
            icpc_icpc_outcome_cp_flag: YesNo::from_bool(plan),
            icpc_icpc_outcome_json: None,
            icpc_icpc_team: Some(team),
            icpc_icpc_worker_id: Some(worker),
        };
        self.out.initial_cp_conferences.push(row);
        if !plan {
            return S47Result::NoConference;
        }
        self.cp_plan(rid, cid, plan_id, conf_date)
    }

    fn cp_plan(
        &mut self,
        rid: &ReferralId,
        icpc: IcpcId,
        plan_id: CpPlanId,
        start: Date,
    ) -> S47Result {
        let as_at = self.as_at();
        self.cp_plans += 1;
        let category = self.pick(&[
            (CpCategory::Neg, 50),
            (CpCategory::Emo, 36),
            (CpCategory::Phy, 7),
            (CpCategory::Sab, 4),
            (CpCategory::Mul, 3),
        ]);
        // Plan length: most end within a year; a few run past two years (DfE's 2+ years measure).
        let days = match self.pick(&[(0u8, 24), (1, 34), (2, 28), (3, 10), (4, 4)]) {
            0 => self.days(40, 120),
            1 => self.days(121, 240),
            2 => self.days(241, 420),
            3 => self.days(421, 729),
            _ => self.days(730, 1100),
        };
        // Child protection plans end by the child's 18th birthday.
        let end = start
            .plus_days(days)
            .min(self.birthday(18).plus_days(-1))
            .max(start.plus_days(1));
        let open = end > as_at;
        let latest = if self.p(0.1) {
            CpCategory::Mul
        } else {
            category
        };
        let row = CpPlan {
            cppl_cp_plan_id: plan_id.clone(),
            cppl_referral_id: rid.clone(),
            cppl_icpc_id: Some(icpc),
            cppl_person_id: self.pid.clone(),
            cppl_cp_plan_start_date: start,
            cppl_cp_plan_end_date: (!open).then_some(end),
            cppl_cp_plan_ola: YesNo::No,
            cppl_cp_plan_initial_category: category,
            cppl_cp_plan_latest_category: latest,
            cppl_cp_plan_previous_plans: None,
        };
        self.out.cp_plans.push(row);
        let inv = self.allocate(
            rid,
            start,
            TeamKind::Safeguarding,
            Some(WorkerChangeReason::Tsproc),
        );
        let stop = end.min(as_at);
        // Statutory visits at least every 10 working days; most on time, some late.
        let mut v = {
            let n = self.days(1, 5) as u32;
            self.wd(start, n)
        };
        while v <= stop {
            let vid = self.id("V");
            let seen = self.p(0.93);
            let row = CpVisit {
                cppv_cp_visit_id: vid,
                cppv_person_id: self.pid.clone(),
                cppv_cp_plan_id: plan_id.clone(),
                cppv_cp_visit_date: v,
                cppv_cp_visit_seen: Some(YesNo::from_bool(seen)),
                cppv_cp_visit_seen_alone: Some(YesNo::from_bool(
                    seen && self.age_on(v) >= 5 && self.p(0.7),
                )),
                cppv_cp_visit_bedroom: Some(YesNo::from_bool(self.p(0.5))),
            };
            self.out.cp_visits.push(row);
            let gap = if self.p(0.86) {
                self.days(5, 10)
            } else {
                self.days(11, 18)
            } as u32;
            v = self.wd(v, gap);
        }
        // Review conferences: first within 3 months, then at most every 6 months.
        let mut due = Date(add_months(start.0, 3));
        while due < stop {
            let held = if self.p(0.92) {
                due.plus_days(-self.days(0, 10))
            } else {
                due.plus_days(self.days(1, 25))
            };
            let rid_: Id<CpReview> = self.id("W");
            let happened = held <= stop;
            let row = CpReview {
                cppr_cp_review_id: rid_,
                cppr_person_id: self.pid.clone(),
                cppr_cp_plan_id: plan_id.clone(),
                cppr_cp_review_due: Some(due),
                cppr_cp_review_date: happened.then_some(held),
                cppr_cp_review_meeting_id: None,
                cppr_cp_review_outcome_continue_cp: happened.then(|| YesNo::from_bool(held < end)),
                cppr_cp_review_quorate: happened.then_some(YesNo::Yes),
                cppr_cp_review_participation: happened.then(|| YesNo::from_bool(self.p(0.6))),
            };
            self.out.cp_reviews.push(row);
            due = Date(add_months(if happened { held.0 } else { due.0 }, 6));
        }
        if open {
            return S47Result::Plan { end: None };
        }
        self.end_involvement(inv, end);
        S47Result::Plan { end: Some(end) }
    }

    fn visits_cin(&mut self, from: Date, to: Date) {
        let mut v = from.plus_days(self.days(5, 20));
        while v <= to {
            let id = self.id("K");
            let seen = self.p(0.9);
            let row = CinVisit {
                cinv_cin_visit_id: id,
                cinv_person_id: self.pid.clone(),
                cinv_cin_visit_date: v,
                cinv_cin_visit_seen: Some(YesNo::from_bool(seen)),
                cinv_cin_visit_seen_alone: Some(YesNo::from_bool(seen && self.p(0.5))),
                cinv_cin_visit_bedroom: Some(YesNo::from_bool(self.p(0.3))),
            };
            self.out.cin_visits.push(row);
            v = v.plus_days(self.days(20, 45));
        }
    }

    /// Allocates a worker from `d`, ending the current allocation there. A change within three
    /// days of the last one stands in for it, from `d` (a social worker episode lasts at least
    /// three days, 903 rule SW09, and one open when care starts begins with the care, SW12).
    /// Returns the involvement's index.
    fn allocate(
        &mut self,
        rid: &ReferralId,
        d: Date,
        kind: TeamKind,
        reason: Option<WorkerChangeReason>,
    ) -> usize {
        let (team, worker) = self.wf.allocate(kind, self.idx, self.n as u64);
        if let Some(cur) = self.worker {
            let open = &mut self.out.involvements[cur];
            if open.invo_involvement_start_date.days_until(d) < 3 {
                open.invo_involvement_start_date = d;
                open.invo_professional_id = Some(worker);
                open.invo_professional_team = Some(team);
                open.invo_referral_id = Some(rid.clone());
                return cur;
            }
            self.end_involvement(cur, d);
        }
        let id = self.id("L");
        let row = Involvement {
            invo_involvements_id: id,
            invo_professional_id: Some(worker),
            invo_professional_role_id: Some("Allocated social worker".into()),
            invo_professional_team: Some(team),
            invo_involvement_start_date: d,
            invo_involvement_end_date: None,
            invo_worker_change_reason: reason,
            invo_person_id: self.pid.clone(),
            invo_referral_id: Some(rid.clone()),
        };
        self.out.involvements.push(row);
        let index = self.out.involvements.len() - 1;
        self.worker = Some(index);
        index
    }

    /// Ends an involvement on `d` (if that is not in the future). Ending one that has already
    /// been replaced by a later allocation changes nothing.
    fn end_involvement(&mut self, index: usize, d: Date) {
        if self.worker != Some(index) || d > self.cfg.as_at {
            return;
        }
        let i = &mut self.out.involvements[index];
        i.invo_involvement_end_date = Some(d.max(i.invo_involvement_start_date));
        self.worker = None;
    }

    /// A period of care from `start`. Returns when and why it ended, or `None` if still open
    /// (or the child is now a care leaver still supported at the as-at date).
    fn care(
        &mut self,
        rid: &ReferralId,
        start: Date,
        need: PrimaryNeed,
    ) -> Option<(Date, ReasonEpisodeCeased)> {
        let as_at = self.as_at();
        self.ever_in_care = true;
        self.periods += 1;
        let cla_id: PeriodOfCareId =
            Id::new(format!("{}Y{:02}", self.pid, self.periods)).expect("cla id");
        let age = self.age_on(start);
        let eighteen = self.birthday(18);
        // Exit plan decided at entry: younger children more often adopted or placed with family.
        let exit = if self.uasc {
            ReasonEpisodeCeased::E17
        } else if age < 4 {
            self.pick(&[
                (ReasonEpisodeCeased::E11, 30),
                (ReasonEpisodeCeased::E12, 10),
                (ReasonEpisodeCeased::E4A, 30),
                (ReasonEpisodeCeased::E45, 12),
                (ReasonEpisodeCeased::E46, 4),
                (ReasonEpisodeCeased::E41, 6),
                (ReasonEpisodeCeased::E8, 8),
            ])
        } else if age < 13 {
            self.pick(&[
                (ReasonEpisodeCeased::E4A, 45),
                (ReasonEpisodeCeased::E4B, 5),
                (ReasonEpisodeCeased::E45, 14),
                (ReasonEpisodeCeased::E47, 5),
                (ReasonEpisodeCeased::E41, 6),
                (ReasonEpisodeCeased::E13, 5),
                (ReasonEpisodeCeased::E8, 10),
                (ReasonEpisodeCeased::E17, 35),
            ])
        } else {
            self.pick(&[
                (ReasonEpisodeCeased::E4A, 30),
                (ReasonEpisodeCeased::E4B, 8),
                (ReasonEpisodeCeased::E13, 6),
                (ReasonEpisodeCeased::E17, 20),
                (ReasonEpisodeCeased::E5, 14),
                (ReasonEpisodeCeased::E6, 4),
                (ReasonEpisodeCeased::E9, 2),
                (ReasonEpisodeCeased::E8, 8),
                (ReasonEpisodeCeased::E3, 3),
            ])
        };
        let planned_days = match exit {
            r if r.is_adoption() => self.days(500, 1000),
            ReasonEpisodeCeased::E4A | ReasonEpisodeCeased::E4B => self.exp_days(520.0).max(20),
            r if r.is_sgo() || r == ReasonEpisodeCeased::E41 => self.days(300, 1200),
            ReasonEpisodeCeased::E17 | ReasonEpisodeCeased::E5 | ReasonEpisodeCeased::E6 => 100_000,
            _ => self.exp_days(900.0).max(30),
        };
        let mut end = start.plus_days(planned_days);
        let mut exit = exit;
        if end >= eighteen {
            end = eighteen;
            exit = self.pick(&[
                (ReasonEpisodeCeased::E17, 30),
                (ReasonEpisodeCeased::E5, 45),
                (ReasonEpisodeCeased::E6, 10),
                (ReasonEpisodeCeased::E8, 15),
            ]);
        }
        let closes = end <= as_at;
        let stop = end.min(as_at);

        // Legal status sequence.
        let mut statuses: Vec<(Date, LegalStatus)> = vec![];
        if !exit.is_adoption() && (self.uasc || (age >= 11 && self.p(0.6)) || self.p(0.3)) {
            statuses.push((start, LegalStatus::V2));
        } else {
            if self.p(0.2) {
                statuses.push((
                    start,
                    if self.p(0.6) {
                        LegalStatus::L1
                    } else {
                        LegalStatus::L2
                    },
                ));
                let d = start.plus_days(self.days(1, 2));
                statuses.push((d, LegalStatus::C1));
            } else {
                statuses.push((start, LegalStatus::C1));
            }
            let c2 = start.plus_days(self.days(150, 330));
            if c2 < end {
                if exit.is_adoption() {
                    statuses.push((c2, LegalStatus::E1));
                } else {
                    statuses.push((c2, LegalStatus::C2));
                }
            }
        }
        // Placements: (start, type, same carer as before).
        let mut placements: Vec<(Date, PlacementType)> = vec![];
        let first = self.first_placement(age, exit);
        placements.push((start, first));
        let mut d = start;
        loop {
            // Moves are common in a child's first year in care and become rarer the longer
            // the child stays: England's long-term stability (same carer for 2 years among
            // children in care 2.5 years) is about 70%, while 3+ moves in a year stay near 10%.
            let rate_days = match start.days_until(d) / 365 {
                0 => 420.0,
                1 => 1800.0,
                _ => 3500.0,
            };
            d = d.plus_days(self.exp_days(rate_days).max(14));
            if d >= stop {
                break;
            }
            let a = self.age_on(d);
            let next = if a >= 16 && self.p(0.4) {
                if d.year() >= 2024 {
                    PlacementType::K3
                } else {
                    PlacementType::H5
                }
            } else if a >= 11 && self.p(0.25) {
                PlacementType::K2
            } else {
                self.pick(&[
                    (PlacementType::U6, 60),
                    (PlacementType::U4, 20),
                    (PlacementType::U3, 12),
                    (PlacementType::U1, 8),
                ])
            };
            placements.push((d, next));
        }
        if exit.is_adoption() {
            let placed = end.plus_days(-self.days(120, 300));
            if placed > start.plus_days(60) && placed <= stop {
                placements.retain(|p| p.0 < placed);
                placements.push((
                    placed,
                    if self.p(0.8) {
                        PlacementType::A6
                    } else {
                        PlacementType::A5
                    },
                ));
            }
        }
        // Placement with parents is for children subject to a care order, never section 20
        // accommodation (903 rule 378).
        if statuses.iter().any(|s| s.1 == LegalStatus::V2) {
            for p in placements.iter_mut().filter(|p| p.1 == PlacementType::P1) {
                p.1 = PlacementType::U3;
            }
        }
        // H5 was withdrawn from 2025-26 (spec §3.3): keep the type valid for the date it applies.
        for p in placements.iter_mut() {
            if p.1 == PlacementType::H5 && p.0 >= Date::ymd(2025, 4, 1) {
                p.1 = PlacementType::K3;
            }
        }
        // An H5 placement still running then is re-recorded as supported accommodation (K3)
        // from the last day of 2024-25, so no H5 episode reaches the 2025-26 return (rule 146).
        let withdrawn = Date::ymd(2025, 3, 31);
        if let Some(i) = placements.iter().rposition(|p| p.0 < withdrawn) {
            let runs_on = placements.get(i + 1).map_or(stop, |n| n.0) > withdrawn;
            if placements[i].1 == PlacementType::H5 && runs_on && stop > withdrawn {
                placements.insert(i + 1, (withdrawn, PlacementType::K3));
            }
        }

        // Episodes: a new one at each change of legal status or placement.
        let mut changes: Vec<Date> = statuses
            .iter()
            .map(|s| s.0)
            .chain(placements.iter().map(|p| p.0))
            .filter(|&x| x <= stop)
            .collect();
        changes.sort();
        changes.dedup();
        let mut place_rows: Vec<usize> = vec![];
        for (i, &(pstart, ptype)) in placements.iter().enumerate() {
            if pstart > stop {
                break;
            }
            let pend = placements
                .get(i + 1)
                .map(|n| n.0)
                .filter(|&n| n <= stop)
                .or(closes.then_some(end));
            let provider = if ptype.needs_provider() {
                Some(match ptype {
                    PlacementType::P1 => PlacementProvider::Pr0,
                    PlacementType::K2 | PlacementType::K3 | PlacementType::H5 => self.pick(&[
                        (PlacementProvider::Pr4, 75),
                        (PlacementProvider::Pr1, 20),
                        (PlacementProvider::Pr5, 5),
                    ]),
                    _ => self.pick(&[
                        (PlacementProvider::Pr1, 65),
                        (PlacementProvider::Pr4, 30),
                        (PlacementProvider::Pr5, 5),
                    ]),
                })
            } else {
                None
            };
            let distance = match ptype {
                PlacementType::P1 => 0.5,
                PlacementType::K2 => self.days(3, 80) as f64 + 0.3,
                _ => self.days(0, 25) as f64 + 0.4,
            };
            // Ofsted URN of the setting (children's homes) or of the fostering or adoption
            // service; a synthetic 9xxxxx series, outside the numbers Ofsted issues.
            let urn = ptype.needs_urn().then(|| {
                let n = mix(self.idx ^ i as u64) % 100_000;
                if matches!(ptype, PlacementType::K1 | PlacementType::K2) {
                    format!("SC9{n:05}")
                } else {
                    format!("9{n:05}")
                }
            });
            let pid: Id<Placement> = self.id("Z");
            let change = pend.filter(|&e| e < end || !closes).map(|_| {
                self.pick(&[
                    (ReasonPlaceChange::Carpl, 40),
                    (ReasonPlaceChange::Creqb, 20),
                    (ReasonPlaceChange::Creqo, 10),
                    (ReasonPlaceChange::Child, 8),
                    (ReasonPlaceChange::Lareq, 8),
                    (ReasonPlaceChange::Close, 4),
                    (ReasonPlaceChange::Other, 10),
                ])
            });
            let pc = postcode(mix(self.idx.wrapping_mul(31) ^ i as u64));
            let row = Placement {
                clap_cla_placement_id: pid,
                clap_cla_id: cla_id.clone(),
                clap_person_id: self.pid.clone(),
                clap_cla_placement_start_date: pstart,
                clap_cla_placement_type: ptype,
                clap_cla_placement_urn: urn,
                clap_cla_placement_distance: Some(distance),
                clap_cla_placement_provider: provider,
                clap_cla_placement_postcode: Some(pc),
                clap_cla_placement_end_date: pend,
                clap_cla_placement_change_reason: if pend.is_some_and(|e| e < end) {
                    change
                } else {
                    None
                },
            };
            self.out.placements.push(row);
            place_rows.push(self.out.placements.len() - 1);
            // A few adolescents in children's homes are deprived of their liberty there by a
            // court order (DoLO, used when no secure place is available), which ends by the
            // time the placement does (903 rules 705 to 710).
            if ptype == PlacementType::K2 && self.age_on(pstart) >= 11 && self.p(0.05) {
                let from = pstart.plus_days(self.days(0, 10));
                let planned = from.plus_days(self.days(40, 300));
                let until = pend.map_or(planned, |e| planned.min(e));
                if from < stop && until > from {
                    let id = self.id("D");
                    let row = DeprivationOfLiberty {
                        dolo_table_id: id,
                        dolo_person_id: self.pid.clone(),
                        dolo_start_date: from,
                        dolo_end_date: (until <= as_at).then_some(until),
                    };
                    self.out.deprivations_of_liberty.push(row);
                }
            }
        }
        let mut prev_status: Option<LegalStatus> = None;
        let mut prev_place: Option<usize> = None;
        for (k, &c) in changes.iter().enumerate() {
            let status = statuses
                .iter()
                .rev()
                .find(|s| s.0 <= c)
                .map(|s| s.1)
                .unwrap_or(LegalStatus::V2);
            let pi = placements.iter().rposition(|p| p.0 <= c).unwrap_or(0);
            let rne = match (prev_status, prev_place) {
                (None, _) => ReasonNewEpisode::S,
                (Some(s), Some(p)) => {
                    let ls_changed = s != status;
                    let pl_changed = p != pi;
                    let same_carer = pl_changed
                        && placements[pi].1.is_adoption()
                        && matches!(placements[pi].1, PlacementType::A3 | PlacementType::A5);
                    match (ls_changed, pl_changed, same_carer) {
                        (true, false, _) => ReasonNewEpisode::L,
                        (false, true, false) => ReasonNewEpisode::P,
                        (false, true, true) => ReasonNewEpisode::T,
                        (true, true, false) => ReasonNewEpisode::B,
                        (true, true, true) => ReasonNewEpisode::U,
                        (false, false, _) => continue,
                    }
                }
                (Some(_), None) => ReasonNewEpisode::P,
            };
            let next = changes.get(k + 1).copied();
            let (ceased, rec) = match next {
                Some(n) => (Some(n), Some(ReasonEpisodeCeased::X1)),
                None if closes => (Some(end), Some(exit)),
                None => (None, None),
            };
            let eid: Id<ClaEpisode> = self.id("J");
            let place_row = place_rows.get(pi).copied().unwrap_or(0);
            let placement_id = self.out.placements[place_row].clap_cla_placement_id.clone();
            let row = ClaEpisode {
                clae_cla_episode_id: eid,
                clae_person_id: self.pid.clone(),
                clae_cla_episode_start_date: c,
                clae_cla_episode_start_reason: rne,
                clae_cla_primary_need_code: if need == PrimaryNeed::N0 || need == PrimaryNeed::N9 {
                    PrimaryNeed::N1
                } else {
                    need
                },
                clae_cla_episode_ceased_date: ceased,
                clae_cla_episode_ceased_reason: rec,
                clae_cla_id: cla_id.clone(),
                clae_referral_id: Some(rid.clone()),
                clae_cla_placement_id: placement_id,
                clae_entered_care_date: start,
                clae_cla_last_iro_contact_date: None,
            };
            self.out.cla_episodes.push(row);
            prev_status = Some(status);
            prev_place = Some(pi);
        }
        for (i, &(s, ls)) in statuses.iter().enumerate() {
            if s > stop {
                break;
            }
            let e = statuses
                .get(i + 1)
                .map(|n| n.0)
                .filter(|&n| n <= stop)
                .or(closes.then_some(end));
            let id = self.id("G");
            let row = LegalStatusRecord {
                lega_legal_status_id: id,
                lega_person_id: self.pid.clone(),
                lega_legal_status: ls,
                lega_legal_status_start_date: s,
                lega_legal_status_end_date: e,
            };
            self.out.legal_statuses.push(row);
        }
        self.cla_activity(&cla_id, start, stop);
        let inv = self.allocate(
            rid,
            start,
            TeamKind::ChildrenInCare,
            Some(WorkerChangeReason::Tsproc),
        );
        // Worker changes while in care.
        let mut cur = inv;
        let mut w = start.plus_days(self.exp_days(420.0).max(60));
        while w < stop {
            let reason = self.pick(&[
                (WorkerChangeReason::Leftrl, 45),
                (WorkerChangeReason::Manage, 25),
                (WorkerChangeReason::Orgrst, 10),
                (WorkerChangeReason::Absenc, 10),
                (WorkerChangeReason::Others, 10),
            ]);
            cur = self.allocate(rid, w, TeamKind::ChildrenInCare, Some(reason));
            w = w.plus_days(self.exp_days(420.0).max(60));
        }
        if closes {
            self.end_involvement(cur, end);
        }
        if exit.is_adoption()
            || matches!(exit, ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            || statuses.iter().any(|s| s.1 == LegalStatus::E1)
        {
            let order = statuses
                .iter()
                .find(|s| s.1 == LegalStatus::E1)
                .map(|s| s.0);
            self.adoption(&cla_id, start, end, closes, &placements, order);
        }
        let care_days = start.days_until(end);
        let leaver = end == eighteen || (self.age_on(end) >= 16 && care_days >= 91);
        if leaver && !exit.is_adoption() {
            self.care_leaver(end);
        }
        if !closes {
            return None;
        }
        Some((end, exit))
    }

    fn first_placement(&mut self, age: i32, exit: ReasonEpisodeCeased) -> PlacementType {
        if self.uasc {
            return if self.p(0.5) {
                PlacementType::U6
            } else if self.cfg.as_at.year() >= 2025 {
                PlacementType::K3
            } else {
                PlacementType::H5
            };
        }
        if exit == ReasonEpisodeCeased::E4A && self.p(0.15) {
            return PlacementType::P1;
        }
        if age >= 12 && self.p(0.25) {
            return PlacementType::K2;
        }
        self.pick(&[
            (PlacementType::U6, 62),
            (PlacementType::U3, 20),
            (PlacementType::U1, 4),
            (PlacementType::U4, 6),
            (PlacementType::U5, 3),
            (PlacementType::R3, 2),
            (PlacementType::T4, 0),
            (PlacementType::P1, 3),
        ])
    }

    /// Reviews, visits, health checks, OC2 items, missing episodes and care plans.
    fn cla_activity(&mut self, cla_id: &PeriodOfCareId, start: Date, stop: Date) {
        // Reviews: within 20 working days, then 3 months, then every 6 months.
        let mut due = self.wd(start, 20);
        let mut n = 0;
        while due <= stop {
            let held = if self.p(0.9) {
                due.plus_days(-self.days(0, 7))
            } else {
                due.plus_days(self.days(1, 30))
            };
            let held = held.max(start);
            let a = self.age_on(held);
            let part = if a < 4 {
                ReviewParticipation::Pn0
            } else {
                self.pick(&[
                    (ReviewParticipation::Pn1, 45),
                    (ReviewParticipation::Pn2, 10),
                    (ReviewParticipation::Pn3, 5),
                    (ReviewParticipation::Pn4, 5),
                    (ReviewParticipation::Pn5, 10),
                    (ReviewParticipation::Pn6, 15),
                    (ReviewParticipation::Pn7, 10),
                ])
            };
            let id = self.id("B");
            let happened = held <= stop;
            let row = ClaReview {
                clar_cla_review_id: id,
                clar_cla_id: cla_id.clone(),
                clar_cla_review_due_date: Some(due),
                clar_cla_review_date: happened.then_some(held),
                clar_cla_review_cancelled: Some(YesNo::No),
                clar_cla_review_participation: happened.then_some(part),
            };
            self.out.cla_reviews.push(row);
            n += 1;
            due = Date(add_months(held.0, if n == 1 { 3 } else { 6 }));
        }
        // Statutory visits: within a week, then about every six weeks.
        let mut v = start.plus_days(self.days(1, 7));
        while v <= stop {
            let id = self.id("H");
            let seen = self.p(0.95);
            let row = ClaVisit {
                clav_cla_visit_id: id,
                clav_cla_id: cla_id.clone(),
                clav_person_id: self.pid.clone(),
                clav_cla_visit_date: v,
                clav_cla_visit_seen: Some(YesNo::from_bool(seen)),
                clav_cla_visit_seen_alone: Some(YesNo::from_bool(
                    seen && self.age_on(v) >= 5 && self.p(0.6),
                )),
            };
            self.out.cla_visits.push(row);
            v = v.plus_days(if self.p(0.88) {
                self.days(28, 42)
            } else {
                self.days(43, 70)
            });
        }
        // Health assessments (6-monthly under 5, yearly after) and dental checks.
        let mut h = start.plus_days(self.days(10, 28));
        while h <= stop {
            let id = self.id("D");
            let row = HealthCheck {
                clah_health_check_id: id,
                clah_person_id: self.pid.clone(),
                clah_health_check_type: HealthCheckType::HealthAssessment,
                clah_health_check_date: h,
                clah_health_check_status: Some(if self.p(0.95) {
                    HealthCheckStatus::Completed
                } else {
                    HealthCheckStatus::Refused
                }),
            };
            self.out.health_checks.push(row);
            let months = if self.age_on(h) < 5 { 6 } else { 12 };
            h = Date(add_months(h.0, months)).plus_days(self.days(-20, 40));
        }
        let mut dnt = start.plus_days(self.days(30, 200));
        while dnt <= stop {
            if self.p(0.85) {
                let id = self.id("D");
                let row = HealthCheck {
                    clah_health_check_id: id,
                    clah_person_id: self.pid.clone(),
                    clah_health_check_type: HealthCheckType::DentalCheck,
                    clah_health_check_date: dnt,
                    clah_health_check_status: Some(HealthCheckStatus::Completed),
                };
                self.out.health_checks.push(row);
            }
            dnt = Date(add_months(dnt.0, 12)).plus_days(self.days(-30, 30));
        }
        // OC2 items, at each anniversary of coming into care (yearly SDQ and immunisation review).
        let mut years_in = 1;
        while Date(add_months(start.0, 12 * years_in)) <= stop {
            let d = Date(add_months(start.0, 12 * years_in));
            years_in += 1;
            let id = self.id("M");
            let row = Immunisation {
                clai_table_id: id,
                clai_person_id: self.pid.clone(),
                clai_immunisations_status: YesNo::from_bool(self.p(0.86)),
                clai_immunisations_status_date: d,
            };
            self.out.immunisations.push(row);
            let a = self.age_on(d);
            // The SDQ is for ages 4 to 16. A child turning 4 or 17 in the collection year gets
            // the reason there is no score instead (903 rule 197B); one under 4 at its end or 17
            // at its start gets nothing (rules 188 and 189).
            let year_end = Date::ymd(
                if d.month() >= 4 {
                    d.year() + 1
                } else {
                    d.year()
                },
                3,
                31,
            );
            let year_start = Date::ymd(year_end.year() - 1, 4, 1);
            if self.age_on(year_end) >= 4 && self.age_on(year_start) < 17 {
                let id = self.id("Q");
                let done = (4..=16).contains(&a) && self.p(0.8);
                let row = SdqScore {
                    csdq_table_id: id,
                    csdq_person_id: self.pid.clone(),
                    csdq_sdq_completed_date: d,
                    csdq_sdq_score: done.then(|| self.days(0, 34)),
                    csdq_sdq_reason: (!done).then(|| {
                        if !(4..=16).contains(&a) {
                            return SdqReason::Sdq1;
                        }
                        self.pick(&[
                            (SdqReason::Sdq2, 30),
                            (SdqReason::Sdq3, 20),
                            (SdqReason::Sdq4, 30),
                            (SdqReason::Sdq5, 20),
                        ])
                    }),
                };
                self.out.sdq_scores.push(row);
            }
            if a >= 10 && self.p(0.04) {
                let id = self.id("X");
                let row = Conviction {
                    clac_cla_conviction_id: id,
                    clac_person_id: self.pid.clone(),
                    clac_cla_conviction_date: d.plus_days(-self.days(10, 200)),
                    clac_cla_conviction_offence: Some("Synthetic offence".into()),
                };
                self.out.convictions.push(row);
            }
            if a >= 11 && self.p(0.04) {
                let id = self.id("U");
                let row = SubstanceMisuse {
                    clas_substance_misuse_id: id,
                    clas_person_id: self.pid.clone(),
                    clas_substance_misuse_date: d.plus_days(-self.days(10, 200)),
                    clas_substance_misused: Some("Cannabis".into()),
                    clas_intervention_received: Some(YesNo::from_bool(self.p(0.7))),
                };
                self.out.substance_misuse.push(row);
            }
        }
        // Missing and away episodes, mostly for adolescents.
        let a0 = self.age_on(start);
        if a0 >= 11 || self.age_on(stop) >= 12 {
            let rate = if self.p(0.25) { 90.0 } else { 2000.0 };
            let mut m = start.plus_days(self.exp_days(rate));
            if let Some(back) = self.last_missing_back {
                m = m.max(back.plus_days(1));
            }
            while m <= stop {
                if self.age_on(m) >= 10 {
                    let back = m.plus_days(self.pick(&[(0i64, 50), (1, 35), (3, 10), (8, 5)]));
                    let ended = back <= self.as_at();
                    let offered = ended && self.p(0.82);
                    let id = self.id("O");
                    let row = MissingEpisode {
                        miss_table_id: id,
                        miss_person_id: self.pid.clone(),
                        miss_missing_episode_start_date: m,
                        miss_missing_episode_type: if self.p(0.85) {
                            MissingType::Missing
                        } else {
                            MissingType::Away
                        },
                        miss_missing_episode_end_date: ended.then_some(back),
                        miss_missing_rhi_offered: ended.then_some(YesNo::from_bool(offered)),
                        miss_missing_rhi_accepted: ended
                            .then_some(YesNo::from_bool(offered && self.p(0.55))),
                    };
                    self.out.missing_episodes.push(row);
                    // The next episode starts after this one ends: a child is missing once at
                    // a time (903 rule 574), and an episode still open at the as-at date is
                    // the last.
                    if !ended {
                        break;
                    }
                    self.last_missing_back = Some(back);
                    m = m.max(back.plus_days(1));
                }
                m = m.plus_days(self.exp_days(rate).max(3));
            }
        }
        let plan = if a0 < 4 {
            PermanencePlan::Adoption
        } else if a0 >= 15 {
            PermanencePlan::SupportedLiving
        } else {
            self.pick(&[
                (PermanencePlan::ReturnToFamily, 35),
                (PermanencePlan::LongTermFostering, 40),
                (PermanencePlan::SgoCao, 15),
                (PermanencePlan::LongTermResidential, 5),
                (PermanencePlan::Other, 5),
            ])
        };
        let id = self.id("T");
        let row = ClaCarePlan {
            lacp_table_id: id,
            lacp_person_id: self.pid.clone(),
            lacp_cla_care_plan_start_date: start.plus_days(self.days(0, 20)).min(stop),
            lacp_cla_care_plan_end_date: None,
            lacp_cla_care_plan_json: Json(CarePlanDetail {
                permanence_plan: plan,
            }),
        };
        self.out.cla_care_plans.push(row);
    }

    fn adoption(
        &mut self,
        cla_id: &PeriodOfCareId,
        start: Date,
        end: Date,
        closes: bool,
        placements: &[(Date, PlacementType)],
        placement_order: Option<Date>,
    ) {
        let as_at = self.as_at();
        // The decision that the child should be placed for adoption comes before the placement
        // order the court then makes (903 rule 554).
        let adm = start.plus_days(self.days(90, 240));
        let adm = placement_order.map_or(adm, |o| adm.min(o));
        if adm > as_at {
            return;
        }
        let placed = placements.iter().find(|p| p.1.is_adoption()).map(|p| p.0);
        let order = placement_order.unwrap_or_else(|| {
            start
                .plus_days(self.days(150, 330))
                .min(placed.unwrap_or(end))
        });
        let matched = placed.map(|p| p.plus_days(-self.days(7, 40)).max(adm));
        let adopted = closes && end <= as_at;
        let (sex, ls, n) = self.pick(&[
            ((AdopterSex::Mf, AdopterLegalStatus::L11, 2), 70),
            ((AdopterSex::Ff, AdopterLegalStatus::L12, 2), 8),
            ((AdopterSex::Mm, AdopterLegalStatus::L12, 2), 6),
            ((AdopterSex::F1, AdopterLegalStatus::L0, 1), 14),
            ((AdopterSex::M1, AdopterLegalStatus::L0, 1), 2),
        ]);
        let id = self.id("A");
        let (_, worker) = self.wf.allocate(TeamKind::Adoption, self.idx, 3);
        let foster = placements
            .iter()
            .any(|p| matches!(p.1, PlacementType::A3 | PlacementType::A5));
        let row = Permanence {
            perm_table_id: id,
            perm_person_id: self.pid.clone(),
            perm_cla_id: Some(cla_id.clone()),
            perm_adm_decision_date: Some(adm),
            perm_ffa_cp_decision_date: None,
            perm_placement_order_date: (order <= as_at).then_some(order),
            perm_placed_for_adoption_date: placed.filter(|&p| p <= as_at),
            perm_matched_date: matched.filter(|&m| m <= as_at),
            perm_adopted_by_carer_flag: adopted.then_some(YesNo::from_bool(foster)),
            perm_placed_ffa_cp_date: None,
            perm_decision_reversed_date: None,
            perm_decision_reversed_reason: None,
            perm_placed_foster_carer_date: None,
            perm_part_of_sibling_group: Some(YesNo::from_bool(self.p(0.3))),
            perm_siblings_placed_together: None,
            perm_siblings_placed_apart: None,
            perm_placement_provider_urn: None,
            perm_permanence_order_date: adopted.then_some(end),
            perm_permanence_order_type: adopted.then_some(PermanenceOrderType::Adoption),
            perm_adoption_worker_id: Some(worker),
            perm_adopter_sex: matched.filter(|&m| m <= as_at).map(|_| sex),
            perm_adopter_legal_status: matched.filter(|&m| m <= as_at).map(|_| ls),
            perm_number_of_adopters: matched.filter(|&m| m <= as_at).map(|_| n),
            // Set by the adopters post-pass (`adopters.rs`), which numbers families across
            // the whole authority.
            perm_adoptive_family_id: None,
        };
        self.out.permanence.push(row);
    }

    /// Care-leaver contacts from leaving care to 21: around each birthday and every few months.
    fn care_leaver(&mut self, left: Date) {
        let as_at = self.as_at();
        let (team, worker) = self.wf.allocate(TeamKind::LeavingCare, self.idx, 11);
        let pa = format!("PA {}", crate::names::surname(mix(self.idx) >> 3));
        let engaged = self.p(0.9);
        let eet_bias = if self.p(0.6) { 0.75 } else { 0.3 };
        let mut d = left.plus_days(self.days(14, 60));
        let end = self.birthday(21).plus_days(30);
        let mut birthdays: Vec<Date> = (17..=21)
            .map(|y| self.birthday(y))
            .filter(|&b| b > left)
            .collect();
        while d <= end.min(as_at) {
            // Make sure there is a contact within a month of each birthday (OC3 timing).
            if let Some(pos) = birthdays.iter().position(|&b| b <= d.plus_days(60)) {
                let b = birthdays.remove(pos);
                d = b.plus_days(self.days(-20, 25)).max(left.plus_days(1));
                if d > as_at {
                    break;
                }
            }
            let in_touch = if engaged && self.p(0.95) {
                InTouch::Yes
            } else {
                self.pick(&[(InTouch::No, 60), (InTouch::Refu, 25), (InTouch::Nreq, 15)])
            };
            let yes = in_touch == InTouch::Yes;
            let accom = yes.then(|| {
                self.pick(&[
                    (AccommodationType::D, 30),
                    (AccommodationType::U, 20),
                    (AccommodationType::Z, 15),
                    (AccommodationType::B, 12),
                    (AccommodationType::E, 8),
                    (AccommodationType::T, 5),
                    (AccommodationType::C, 3),
                    (AccommodationType::X, 2),
                    (AccommodationType::S, 2),
                    (AccommodationType::W, 3),
                ])
            });
            let suitable = accom.map(|a| {
                let unsuitable = matches!(
                    a,
                    AccommodationType::X | AccommodationType::S | AccommodationType::W
                ) || self.p(0.06);
                if unsuitable {
                    Suitability::Unsuitable
                } else {
                    Suitability::Suitable
                }
            });
            let activity = if yes {
                Some(if self.p(eet_bias) {
                    self.pick(&[
                        (CareLeaverActivity::F2, 35),
                        (CareLeaverActivity::F5, 25),
                        (CareLeaverActivity::F1, 10),
                        (CareLeaverActivity::F4, 10),
                        (CareLeaverActivity::P5, 10),
                        (CareLeaverActivity::P2, 10),
                    ])
                } else {
                    self.pick(&[
                        (CareLeaverActivity::G5, 55),
                        (CareLeaverActivity::G4, 25),
                        (CareLeaverActivity::G6, 20),
                    ])
                })
            } else {
                Some(CareLeaverActivity::NoInfo)
            };
            let eligibility = if self.age_on(d) < 18 {
                CareLeaverEligibility::Relevant
            } else {
                CareLeaverEligibility::FormerRelevant
            };
            let id = self.id("S");
            let row = CareLeaver {
                clea_table_id: id,
                clea_person_id: self.pid.clone(),
                clea_care_leaver_eligibility: eligibility,
                clea_care_leaver_in_touch: in_touch,
                clea_care_leaver_latest_contact: d,
                clea_care_leaver_accommodation: accom,
                clea_care_leaver_accom_suitable: suitable,
                clea_care_leaver_activity: activity,
                clea_pathway_plan_review_date: Some(d.plus_days(-self.days(0, 150)).max(left)),
                clea_care_leaver_personal_advisor: Some(pa.clone()),
                clea_care_leaver_allocated_team: Some(team.clone()),
                clea_care_leaver_worker_id: Some(worker.clone()),
            };
            self.out.care_leavers.push(row);
            d = d.plus_days(self.days(60, 120));
        }
    }

    /// Person, address, disability, immigration and family rows, once the history is known.
    fn finish(&mut self) {
        let as_at = self.as_at();
        let k = mix(self.idx ^ 0xA5A5);
        let forename = match self.sex {
            Sex::Female => crate::names::FORENAMES_F[(k % 20) as usize],
            _ => crate::names::FORENAMES_M[(k % 20) as usize],
        };
        let eth = self.pick(&[
            (Ethnicity::Wbri, 70),
            (Ethnicity::Woth, 5),
            (Ethnicity::Wiri, 1),
            (Ethnicity::Wrom, 1),
            (Ethnicity::Mwbc, 3),
            (Ethnicity::Mwba, 1),
            (Ethnicity::Mwas, 2),
            (Ethnicity::Moth, 2),
            (Ethnicity::Aind, 2),
            (Ethnicity::Apkn, 3),
            (Ethnicity::Aban, 1),
            (Ethnicity::Aoth, 1),
            (Ethnicity::Bafr, 3),
            (Ethnicity::Bcrb, 1),
            (Ethnicity::Both, 1),
            (Ethnicity::Chne, 1),
            (Ethnicity::Ooth, 1),
            (Ethnicity::Nobt, 1),
        ]);
        let eth = if self.uasc {
            self.pick(&[
                (Ethnicity::Bafr, 40),
                (Ethnicity::Aoth, 30),
                (Ethnicity::Ooth, 30),
            ])
        } else {
            eth
        };
        let school_age_by = self.birthday(5);
        let (upn, upn_unknown) = if school_age_by > as_at {
            (None, Some(UpnUnknown::Un1))
        } else if self.uasc && self.p(0.6) {
            (None, Some(UpnUnknown::Un2))
        } else if self.p(0.02) {
            (None, Some(UpnUnknown::Un4))
        } else {
            (Some(upn(k, self.dob.year())), None)
        };
        let first_date = self
            .out
            .contacts
            .first()
            .map(|c| c.cont_contact_date)
            .into_iter()
            .chain(self.out.cin_episodes.first().map(|c| c.cine_referral_date))
            .min()
            .unwrap_or(as_at);
        let row = Person {
            pers_person_id: self.pid.clone(),
            pers_legacy_id: Some(format!("LEG{}", self.idx)),
            pers_forename: Some(forename.to_string()),
            pers_surname: Some(crate::names::surname(k >> 5)),
            pers_sex: self.sex,
            pers_gender: Some(self.sex),
            pers_ethnicity: eth,
            pers_dob: Some(self.dob),
            pers_expected_dob: None,
            pers_death_date: None,
            pers_upn: upn,
            pers_upn_unknown: upn_unknown,
            pers_common_child_id: Some(nhs_number(k >> 7)),
            pers_send_flag: Some(YesNo::from_bool(self.p(0.15))),
            // The 903 asks whether each girl in care is a mother.
            pers_is_mother: (self.ever_in_care && self.sex == Sex::Female).then_some(YesNo::No),
            pers_nationality: Some(if self.uasc { "Not British" } else { "British" }.into()),
        };
        self.out.people.push(row);
        let id = self.id("H");
        let row = Address {
            addr_table_id: id,
            addr_person_id: self.pid.clone(),
            addr_address_type: Some("Home".into()),
            addr_address_start_date: Some(self.dob.max(first_date.plus_days(-3000))),
            addr_address_end_date: None,
            addr_address_postcode: Some(postcode(k >> 11)),
            addr_address_json: None,
        };
        self.out.addresses.push(row);
        let disabled = self.p(0.1);
        let codes: Vec<Disability> = if disabled {
            let a = self.pick(&[
                (Disability::Aut, 35),
                (Disability::Ld, 25),
                (Disability::Comm, 15),
                (Disability::Beh, 10),
                (Disability::Mob, 8),
                (Disability::Dda, 7),
            ]);
            let b = self.pick(&[
                (Disability::Ld, 40),
                (Disability::Comm, 30),
                (Disability::Hear, 10),
                (Disability::Vis, 10),
                (Disability::Pc, 10),
            ]);
            if a != b && self.p(0.35) {
                vec![a, b]
            } else {
                vec![a]
            }
        } else {
            vec![Disability::None]
        };
        for c in codes {
            let id = self.id("Y");
            let row = DisabilityRecord {
                disa_table_id: id,
                disa_person_id: self.pid.clone(),
                disa_disability_code: c,
            };
            self.out.disabilities.push(row);
        }
        if self.uasc {
            let s = self
                .out
                .cin_episodes
                .first()
                .map(|c| c.cine_referral_date)
                .unwrap_or(as_at);
            let end = self.birthday(18);
            let id = self.id("Z");
            let row = ImmigrationStatus {
                immi_immigration_status_id: id,
                immi_person_id: self.pid.clone(),
                immi_immigration_status: "UASC".into(),
                immi_immigration_status_start_date: Some(s),
                // UASC status ends at 18 by definition, so the date is known in advance.
                immi_immigration_status_end_date: Some(end),
            };
            self.out.immigration_statuses.push(row);
        }
        // A few young women who were in care become mothers (903 MOTHER / MC_DOB).
        if self.ever_in_care && self.sex == Sex::Female && self.p(0.08) {
            let born = self.birthday(17).plus_days(self.days(0, 900));
            if born <= as_at {
                let baby = Id::new(format!("{}B", self.pid)).expect("baby id");
                let bsex = self.pick(&[(Sex::Male, 51), (Sex::Female, 49)]);
                let m = self.out.people.len() - 1;
                self.out.people[m].pers_is_mother = Some(YesNo::Yes);
                let row = Person {
                    pers_person_id: baby.clone(),
                    pers_legacy_id: None,
                    pers_forename: None,
                    pers_surname: Some(crate::names::surname(k >> 5)),
                    pers_sex: bsex,
                    pers_gender: Some(bsex),
                    pers_ethnicity: eth,
                    pers_dob: Some(born),
                    pers_expected_dob: None,
                    pers_death_date: None,
                    pers_upn: None,
                    pers_upn_unknown: Some(UpnUnknown::Un1),
                    pers_common_child_id: Some(nhs_number(k >> 9)),
                    pers_send_flag: None,
                    pers_is_mother: None,
                    pers_nationality: Some("British".into()),
                };
                self.out.people.push(row);
                let id = self.id("F");
                let row = Mother {
                    moth_table_id: id,
                    moth_person_id: self.pid.clone(),
                    moth_childs_person_id: baby,
                    moth_childs_dob: Some(born),
                };
                self.out.mothers.push(row);
            }
        }
        // Some children placed for adoption had a previous permanence order recorded.
        if self.ever_in_care {
            let id = self.id("R");
            let opt = self.pick(&[
                (PreviousPermanence::Z1, 90),
                (PreviousPermanence::P2, 4),
                (PreviousPermanence::P3, 3),
                (PreviousPermanence::P1, 1),
                (PreviousPermanence::P4, 2),
            ]);
            let row = PreviousPermanenceRecord {
                lapp_table_id: id,
                lapp_person_id: self.pid.clone(),
                lapp_previous_permanence_option: opt,
                lapp_previous_permanence_la: (opt != PreviousPermanence::Z1)
                    .then(|| self.cfg.la_code.clone()),
                lapp_previous_permanence_order_date: match opt {
                    PreviousPermanence::Z1 => None,
                    PreviousPermanence::P4 => Some("zz/zz/zzzz".into()),
                    _ => Some(format!("zz/{:02}/{}", 1 + k % 12, self.dob.year() + 2)),
                },
            };
            self.out.previous_permanence.push(row);
        }
    }
}

enum S47Result {
    Open,
    NoConference,
    Emergency(Date),
    /// A CP plan started; `end` is `None` while it is still open.
    Plan {
        end: Option<Date>,
    },
}

/// A postcode in the unused `ZZ` area, so it can never be a real address.
fn postcode(k: u64) -> String {
    const L: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
    format!(
        "ZZ{} {}{}{}",
        1 + k % 9,
        (k / 9) % 10,
        L[((k / 90) % 20) as usize] as char,
        L[((k / 1800) % 20) as usize] as char
    )
}

/// A UPN with a valid check letter in the unused LA number 999.
pub fn upn(k: u64, birth_year: i32) -> String {
    let body = format!(
        "999{:04}{:02}{:03}",
        2000 + k % 8000,
        (birth_year + 5).rem_euclid(100),
        (k >> 13) % 1000
    );
    format!("{}{}", upn_check_letter(&body), body)
}

/// DfE UPN check letter: positions 2-13 weighted 2-13, sum mod 23 indexes this alphabet.
pub fn upn_check_letter(body: &str) -> char {
    const ALPHA: &[u8] = b"ABCDEFGHJKLMNPQRTUVWXYZ";
    let sum: u32 = body
        .chars()
        .zip(2..)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    ALPHA[(sum % 23) as usize] as char
}

/// An NHS number in the 999 range reserved for test data, with a valid modulus-11 check digit.
pub fn nhs_number(k: u64) -> String {
    let mut n = k % 1_000_000;
    loop {
        let digits = format!("999{n:06}");
        let sum: u32 = digits
            .chars()
            .zip((2..=10).rev())
            .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
            .sum();
        let check = 11 - sum % 11;
        match check {
            11 => return format!("{digits}0"),
            10 => n = (n + 1) % 1_000_000,
            c => return format!("{digits}{c}"),
        }
    }
}
