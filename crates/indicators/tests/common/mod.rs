//! A few children built by hand, for indicator tests whose expected numerators and
//! denominators are worked out in the test.
#![allow(dead_code)]

use indicators::{catalogue, evaluate, find, Figure, Params, Point, Prepared};
use model::codes::*;
use model::tables::*;
use model::{CaseModel, Date, Id, LaInfo, Tables};

pub fn d(s: &str) -> Date {
    s.parse().expect("test date")
}

fn id<T>(s: &str) -> Id<T> {
    Id::new(s).expect("test id")
}

/// A case model under construction. Ids are made from a counter; dates are `yyyy-mm-dd`.
pub struct Fixture {
    pub t: Tables,
    pub population: u64,
    next: u32,
}

impl Default for Fixture {
    fn default() -> Self {
        Fixture::new()
    }
}

impl Fixture {
    pub fn new() -> Fixture {
        let mut t = Tables::default();
        t.teams.push(Team {
            dept_team_id: id("T1"),
            dept_team_name: "Team One".into(),
            dept_team_parent_id: None,
            dept_team_parent_name: None,
        });
        for w in ["W1", "W2", "W3", "W4"] {
            t.professionals.push(Professional {
                prof_professional_id: id(w),
                prof_staff_id: None,
                prof_professional_name: Some(format!("Worker {w}")),
                prof_social_worker_registration_no: None,
                prof_professional_job_title: None,
                prof_professional_caseload: None,
                prof_professional_department: Some(id("T1")),
                prof_full_time_equivalency: None,
                prof_agency_worker_flag: None,
            });
        }
        Fixture {
            t,
            population: 10_000,
            next: 0,
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}", self.next)
    }

    /// A child born on `dob`.
    pub fn child(&mut self, dob: &str) -> PersonId {
        let pid: PersonId = id(&self.fresh("C"));
        self.t.people.push(Person {
            pers_person_id: pid.clone(),
            pers_legacy_id: None,
            pers_forename: None,
            pers_surname: None,
            pers_sex: Sex::Female,
            pers_gender: None,
            pers_ethnicity: Ethnicity::Wbri,
            pers_dob: Some(d(dob)),
            pers_expected_dob: None,
            pers_death_date: None,
            pers_upn: None,
            pers_upn_unknown: None,
            pers_common_child_id: None,
            pers_send_flag: None,
            pers_is_mother: None,
            pers_nationality: None,
        });
        pid
    }

    pub fn disabled(&mut self, c: &PersonId) {
        let i = self.fresh("D");
        self.t.disabilities.push(DisabilityRecord {
            disa_table_id: id(&i),
            disa_person_id: c.clone(),
            disa_disability_code: Disability::Aut,
        });
    }

    /// A referral (CIN episode) on `date`, closed on `closed`.
    pub fn referral(&mut self, c: &PersonId, date: &str, closed: Option<&str>) -> ReferralId {
        self.referral_with(c, date, closed, ReferralSource::S6, false)
    }

    pub fn referral_with(
        &mut self,
        c: &PersonId,
        date: &str,
        closed: Option<&str>,
        source: ReferralSource,
        nfa: bool,
    ) -> ReferralId {
        let rid: ReferralId = id(&self.fresh("R"));
        self.t.cin_episodes.push(CinEpisode {
            cine_referral_id: rid.clone(),
            cine_person_id: c.clone(),
            cine_referral_date: d(date),
            cine_cin_primary_need_code: Some(PrimaryNeed::N1),
            cine_referral_source_code: source,
            cine_referral_source_desc: None,
            cine_referral_outcome_json: None,
            cine_referral_nfa: YesNo::from_bool(nfa),
            cine_close_reason: closed.map(|_| ClosureReason::Rc8),
            cine_close_date: closed.map(d),
            cine_referral_team: Some(id("T1")),
            cine_referral_worker_id: None,
        });
        rid
    }

    pub fn assessment(&mut self, c: &PersonId, r: &ReferralId, start: &str, auth: Option<&str>) {
        let i = self.fresh("A");
        self.t.assessments.push(Assessment {
            cina_assessment_id: id(&i),
            cina_person_id: c.clone(),
            cina_referral_id: r.clone(),
            cina_assessment_start_date: d(start),
            cina_assessment_child_seen: Some(YesNo::Yes),
            cina_assessment_auth_date: auth.map(d),
            cina_assessment_outcome_json: None,
            cina_assessment_outcome_nfa: None,
            cina_assessment_team: Some(id("T1")),
            cina_assessment_worker_id: Some(id("W1")),
        });
    }

    pub fn s47(&mut self, c: &PersonId, r: &ReferralId, start: &str) -> S47Id {
        let sid: S47Id = id(&self.fresh("S"));
        self.t.s47_enquiries.push(S47Enquiry {
            s47e_s47_enquiry_id: sid.clone(),
            s47e_referral_id: r.clone(),
            s47e_person_id: c.clone(),
            s47e_s47_start_date: d(start),
            s47e_s47_end_date: None,
            s47e_s47_nfa: None,
            s47e_s47_outcome_json: None,
            s47e_s47_completed_by_team: None,
            s47e_s47_completed_by_worker_id: None,
        });
        sid
    }

    pub fn icpc(
        &mut self,
        c: &PersonId,
        r: &ReferralId,
        s47: Option<&S47Id>,
        date: &str,
        transfer_in: bool,
    ) {
        let i = self.fresh("I");
        self.t.initial_cp_conferences.push(InitialCpConference {
            icpc_icpc_id: id(&i),
            icpc_icpc_meeting_id: None,
            icpc_s47_enquiry_id: s47.cloned(),
            icpc_person_id: c.clone(),
            icpc_cp_plan_id: None,
            icpc_referral_id: r.clone(),
            icpc_icpc_transfer_in: YesNo::from_bool(transfer_in),
            icpc_icpc_target_date: None,
            icpc_icpc_date: d(date),
            icpc_icpc_outcome_cp_flag: YesNo::Yes,
            icpc_icpc_outcome_json: None,
            icpc_icpc_team: None,
            icpc_icpc_worker_id: None,
        });
    }

    pub fn cp_plan(
        &mut self,
        c: &PersonId,
        r: &ReferralId,
        start: &str,
        end: Option<&str>,
    ) -> CpPlanId {
        let pid: CpPlanId = id(&self.fresh("P"));
        self.t.cp_plans.push(CpPlan {
            cppl_cp_plan_id: pid.clone(),
            cppl_referral_id: r.clone(),
            cppl_icpc_id: None,
            cppl_person_id: c.clone(),
            cppl_cp_plan_start_date: d(start),
            cppl_cp_plan_end_date: end.map(d),
            cppl_cp_plan_ola: YesNo::No,
            cppl_cp_plan_initial_category: CpCategory::Neg,
            cppl_cp_plan_latest_category: CpCategory::Neg,
            cppl_cp_plan_previous_plans: None,
        });
        pid
    }

    pub fn cp_review(
        &mut self,
        c: &PersonId,
        plan: &CpPlanId,
        due: Option<&str>,
        held: Option<&str>,
    ) {
        let i = self.fresh("V");
        self.t.cp_reviews.push(CpReview {
            cppr_cp_review_id: id(&i),
            cppr_person_id: c.clone(),
            cppr_cp_plan_id: plan.clone(),
            cppr_cp_review_due: due.map(d),
            cppr_cp_review_date: held.map(d),
            cppr_cp_review_meeting_id: None,
            cppr_cp_review_outcome_continue_cp: None,
            cppr_cp_review_quorate: None,
            cppr_cp_review_participation: None,
        });
    }

    pub fn cp_visit(&mut self, c: &PersonId, plan: &CpPlanId, date: &str, seen: bool) {
        let i = self.fresh("K");
        self.t.cp_visits.push(CpVisit {
            cppv_cp_visit_id: id(&i),
            cppv_person_id: c.clone(),
            cppv_cp_plan_id: plan.clone(),
            cppv_cp_visit_date: d(date),
            cppv_cp_visit_seen: Some(YesNo::from_bool(seen)),
            cppv_cp_visit_seen_alone: None,
            cppv_cp_visit_bedroom: None,
        });
    }

    /// A period of care: `episodes` are (start, RNE, placement type, legal status); the last
    /// ends on `ceased` with `reason` (None: still looked after). Returns the period's id.
    pub fn care(
        &mut self,
        c: &PersonId,
        episodes: &[(&str, ReasonNewEpisode, PlacementType, LegalStatus)],
        ceased: Option<(&str, ReasonEpisodeCeased)>,
    ) -> PeriodOfCareId {
        let period: PeriodOfCareId = id(&self.fresh("Y"));
        let entered = d(episodes[0].0);
        for (k, &(start, rne, place, ls)) in episodes.iter().enumerate() {
            let next = episodes.get(k + 1).map(|e| d(e.0));
            let (end, reason) = match next {
                Some(n) => (Some(n), Some(ReasonEpisodeCeased::X1)),
                None => (ceased.map(|x| d(x.0)), ceased.map(|x| x.1)),
            };
            let place_id: Id<Placement> = id(&self.fresh("PL"));
            self.t.placements.push(Placement {
                clap_cla_placement_id: place_id.clone(),
                clap_cla_id: period.clone(),
                clap_person_id: c.clone(),
                clap_cla_placement_start_date: d(start),
                clap_cla_placement_type: place,
                clap_cla_placement_urn: None,
                clap_cla_placement_distance: None,
                clap_cla_placement_provider: None,
                clap_cla_placement_postcode: None,
                clap_cla_placement_end_date: end,
                clap_cla_placement_change_reason: None,
            });
            let e = self.fresh("E");
            self.t.cla_episodes.push(ClaEpisode {
                clae_cla_episode_id: id(&e),
                clae_person_id: c.clone(),
                clae_cla_episode_start_date: d(start),
                clae_cla_episode_start_reason: rne,
                clae_cla_primary_need_code: PrimaryNeed::N1,
                clae_cla_episode_ceased_date: end,
                clae_cla_episode_ceased_reason: reason,
                clae_cla_id: period.clone(),
                clae_referral_id: None,
                clae_cla_placement_id: place_id,
                clae_entered_care_date: entered,
                clae_cla_last_iro_contact_date: None,
            });
            let l = self.fresh("LS");
            self.t.legal_statuses.push(LegalStatusRecord {
                lega_legal_status_id: id(&l),
                lega_person_id: c.clone(),
                lega_legal_status: ls,
                lega_legal_status_start_date: d(start),
                lega_legal_status_end_date: end,
            });
        }
        period
    }

    pub fn cla_visit(&mut self, c: &PersonId, period: &PeriodOfCareId, date: &str, seen: bool) {
        let i = self.fresh("CV");
        self.t.cla_visits.push(ClaVisit {
            clav_cla_visit_id: id(&i),
            clav_cla_id: period.clone(),
            clav_person_id: c.clone(),
            clav_cla_visit_date: d(date),
            clav_cla_visit_seen: Some(YesNo::from_bool(seen)),
            clav_cla_visit_seen_alone: None,
        });
    }

    pub fn cla_review(
        &mut self,
        period: &PeriodOfCareId,
        due: &str,
        held: Option<&str>,
        cancelled: bool,
    ) {
        let i = self.fresh("CR");
        self.t.cla_reviews.push(ClaReview {
            clar_cla_review_id: id(&i),
            clar_cla_id: period.clone(),
            clar_cla_review_due_date: Some(d(due)),
            clar_cla_review_date: held.map(d),
            clar_cla_review_cancelled: Some(YesNo::from_bool(cancelled)),
            clar_cla_review_participation: None,
        });
    }

    pub fn health(&mut self, c: &PersonId, kind: HealthCheckType, date: &str, completed: bool) {
        let i = self.fresh("H");
        self.t.health_checks.push(HealthCheck {
            clah_health_check_id: id(&i),
            clah_person_id: c.clone(),
            clah_health_check_type: kind,
            clah_health_check_date: d(date),
            clah_health_check_status: Some(if completed {
                HealthCheckStatus::Completed
            } else {
                HealthCheckStatus::NotCompleted
            }),
        });
    }

    pub fn immunisation(&mut self, c: &PersonId, date: &str, up_to_date: bool) {
        let i = self.fresh("IM");
        self.t.immunisations.push(Immunisation {
            clai_table_id: id(&i),
            clai_person_id: c.clone(),
            clai_immunisations_status: YesNo::from_bool(up_to_date),
            clai_immunisations_status_date: d(date),
        });
    }

    pub fn sdq(&mut self, c: &PersonId, date: &str, score: Option<i64>) {
        let i = self.fresh("Q");
        self.t.sdq_scores.push(SdqScore {
            csdq_table_id: id(&i),
            csdq_person_id: c.clone(),
            csdq_sdq_completed_date: d(date),
            csdq_sdq_score: score,
            csdq_sdq_reason: score.is_none().then_some(SdqReason::Sdq4),
        });
    }

    pub fn missing(
        &mut self,
        c: &PersonId,
        kind: MissingType,
        start: &str,
        end: Option<&str>,
        offered: Option<bool>,
        accepted: Option<bool>,
    ) {
        let i = self.fresh("M");
        self.t.missing_episodes.push(MissingEpisode {
            miss_table_id: id(&i),
            miss_person_id: c.clone(),
            miss_missing_episode_start_date: d(start),
            miss_missing_episode_type: kind,
            miss_missing_episode_end_date: end.map(d),
            miss_missing_rhi_offered: offered.map(YesNo::from_bool),
            miss_missing_rhi_accepted: accepted.map(YesNo::from_bool),
        });
    }

    /// A care-leaver contact on `date`.
    #[allow(clippy::too_many_arguments)]
    pub fn leaver_contact(
        &mut self,
        c: &PersonId,
        date: &str,
        in_touch: InTouch,
        suitable: Option<bool>,
        activity: Option<CareLeaverActivity>,
        eligibility: CareLeaverEligibility,
        pathway_review: Option<&str>,
    ) {
        let i = self.fresh("CL");
        self.t.care_leavers.push(CareLeaver {
            clea_table_id: id(&i),
            clea_person_id: c.clone(),
            clea_care_leaver_eligibility: eligibility,
            clea_care_leaver_in_touch: in_touch,
            clea_care_leaver_latest_contact: d(date),
            clea_care_leaver_accommodation: suitable.map(|_| AccommodationType::U),
            clea_care_leaver_accom_suitable: suitable.map(|s| {
                if s {
                    Suitability::Suitable
                } else {
                    Suitability::Unsuitable
                }
            }),
            clea_care_leaver_activity: activity,
            clea_pathway_plan_review_date: pathway_review.map(d),
            clea_care_leaver_personal_advisor: None,
            clea_care_leaver_allocated_team: None,
            clea_care_leaver_worker_id: None,
        });
    }

    /// Adoption milestones for the child's period of care.
    pub fn permanence(
        &mut self,
        c: &PersonId,
        period: &PeriodOfCareId,
        matched: Option<&str>,
        placed_for_adoption: Option<&str>,
        by_foster_carer: bool,
        placed_with_foster_carer: Option<&str>,
    ) {
        let i = self.fresh("PM");
        self.t.permanence.push(Permanence {
            perm_table_id: id(&i),
            perm_person_id: c.clone(),
            perm_cla_id: Some(period.clone()),
            perm_adm_decision_date: None,
            perm_ffa_cp_decision_date: None,
            perm_placement_order_date: None,
            perm_placed_for_adoption_date: placed_for_adoption.map(d),
            perm_matched_date: matched.map(d),
            perm_adopted_by_carer_flag: Some(YesNo::from_bool(by_foster_carer)),
            perm_placed_ffa_cp_date: None,
            perm_decision_reversed_date: None,
            perm_decision_reversed_reason: None,
            perm_placed_foster_carer_date: placed_with_foster_carer.map(d),
            perm_part_of_sibling_group: None,
            perm_siblings_placed_together: None,
            perm_siblings_placed_apart: None,
            perm_placement_provider_urn: None,
            perm_permanence_order_date: None,
            perm_permanence_order_type: None,
            perm_adoption_worker_id: None,
            perm_adopter_sex: None,
            perm_adopter_legal_status: None,
            perm_number_of_adopters: None,
            perm_adoptive_family_id: None,
        });
    }

    /// An extra legal status spell (e.g. a placement order, E1, for A2).
    pub fn legal_status(&mut self, c: &PersonId, ls: LegalStatus, start: &str, end: Option<&str>) {
        let i = self.fresh("LS");
        self.t.legal_statuses.push(LegalStatusRecord {
            lega_legal_status_id: id(&i),
            lega_person_id: c.clone(),
            lega_legal_status: ls,
            lega_legal_status_start_date: d(start),
            lega_legal_status_end_date: end.map(d),
        });
    }

    /// Allocates worker `W1`…`W4` (team T1) from `start` to `end`.
    pub fn allocate(&mut self, c: &PersonId, worker: &str, start: &str, end: Option<&str>) {
        let i = self.fresh("L");
        self.t.involvements.push(Involvement {
            invo_involvements_id: id(&i),
            invo_professional_id: Some(id(worker)),
            invo_professional_role_id: None,
            invo_professional_team: Some(id("T1")),
            invo_involvement_start_date: d(start),
            invo_involvement_end_date: end.map(d),
            invo_worker_change_reason: None,
            invo_person_id: c.clone(),
            invo_referral_id: None,
        });
    }

    pub fn model(&self, as_at: &str) -> CaseModel {
        CaseModel {
            la: LaInfo {
                la_code: "999".into(),
                la_name: "Test".into(),
                child_population: self.population,
                as_at: d(as_at),
            },
            tables: self.t.clone(),
        }
    }

    /// Evaluates indicator `id` at `as_at` over the 12 months to it, with `params`.
    pub fn eval_with(&self, id: &str, as_at: &str, params: &Params) -> Figure {
        let model = self.model(as_at);
        let p = Prepared::new(&model);
        let ind = find(id).unwrap_or_else(|| panic!("no indicator {id}"));
        evaluate(
            &p,
            params,
            ind,
            Point::ending(d(as_at), params.period_months),
        )
        .figure
    }

    pub fn eval(&self, id: &str, as_at: &str) -> Figure {
        self.eval_with(id, as_at, &Params::default())
    }
}

/// Asserts a figure's numerator and denominator.
#[track_caller]
pub fn assert_counts(f: &Figure, numerator: f64, denominator: Option<f64>) {
    assert_eq!(
        (f.numerator, f.denominator),
        (numerator, denominator),
        "figure {f:?}"
    );
}

/// Every catalogue id (for tests that check coverage).
pub fn all_ids() -> Vec<&'static str> {
    catalogue().iter().map(|i| i.id).collect()
}
