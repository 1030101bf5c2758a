//! The case model: one struct per Standard Safeguarding Dataset table (`csc-data-spec.md` §4.2),
//! with the SSD's table and column names, typed fields and declared foreign keys.
//!
//! Where Sightline holds more than the SSD core, the extra table or column is marked here:
//! care-leaver rows are one per contact (the SSD keeps only the latest) so birthday-time OC3
//! values and contact history both derive from them; health-check and OC2 tables use Sightline's
//! own code lists because the SSD leaves them free text; deprivation of liberty orders, which the
//! 903 collects from 2026-27, have a table of their own, as do (prospective) adopters (Annex A
//! List 11), whose adoptive family a permanence row names.

use crate::codes::*;
use crate::table::{ssd_table, Json};
use crate::{Date, Id};

pub type PersonId = Id<Person>;
pub type TeamId = Id<Team>;
pub type ProfessionalId = Id<Professional>;
pub type ReferralId = Id<CinEpisode>;
pub type AssessmentId = Id<Assessment>;
pub type S47Id = Id<S47Enquiry>;
pub type IcpcId = Id<InitialCpConference>;
pub type CpPlanId = Id<CpPlan>;
/// A period of care (`clae_cla_id`): the episodes from starting to be looked after to ceasing.
pub type PeriodOfCareId = Id<PeriodOfCare>;

/// Marker for period-of-care ids, which group `ssd_cla_episodes` rather than key a table.
#[derive(Debug)]
pub enum PeriodOfCare {}

ssd_table! {
    /// A child (or, for mother/child links, a parent) known to children's services.
    Person = "ssd_person" {
        pers_person_id: PersonId,
        pers_legacy_id: Option<String>,
        pers_forename: Option<String>,
        pers_surname: Option<String>,
        pers_sex: Sex,
        pers_gender: Option<Sex>,
        pers_ethnicity: Ethnicity,
        pers_dob: Option<Date>,
        pers_expected_dob: Option<Date>,
        pers_death_date: Option<Date>,
        pers_upn: Option<String>,
        pers_upn_unknown: Option<UpnUnknown>,
        /// NHS number; synthetic data uses the 999 test range.
        pers_common_child_id: Option<String>,
        pers_send_flag: Option<YesNo>,
        pers_is_mother: Option<YesNo>,
        pers_nationality: Option<String>,
    }
}

ssd_table! {
    /// A team (department) and its parent service.
    Team = "ssd_department" {
        dept_team_id: TeamId,
        dept_team_name: String,
        dept_team_parent_id: Option<TeamId>,
        dept_team_parent_name: Option<String>,
    }
    references { dept_team_parent_id => Team }
}

ssd_table! {
    /// A social worker, personal adviser or other practitioner.
    Professional = "ssd_professionals" {
        prof_professional_id: ProfessionalId,
        prof_staff_id: Option<String>,
        prof_professional_name: Option<String>,
        /// Social Work England registration (`SW…`), used as 903 SW_ID.
        prof_social_worker_registration_no: Option<String>,
        prof_professional_job_title: Option<String>,
        prof_professional_caseload: Option<i64>,
        prof_professional_department: Option<TeamId>,
        prof_full_time_equivalency: Option<f64>,
        prof_agency_worker_flag: Option<YesNo>,
    }
    references { prof_professional_department => Team }
}

ssd_table! {
    /// Home address history (postcode feeds 903 HOME_POST).
    Address = "ssd_address" {
        addr_table_id: Id<Address>,
        addr_person_id: PersonId,
        addr_address_type: Option<String>,
        addr_address_start_date: Option<Date>,
        addr_address_end_date: Option<Date>,
        addr_address_postcode: Option<String>,
        addr_address_json: Option<String>,
    }
    references { addr_person_id => Person }
}

ssd_table! {
    /// One row per recorded disability.
    DisabilityRecord = "ssd_disability" {
        disa_table_id: Id<DisabilityRecord>,
        disa_person_id: PersonId,
        disa_disability_code: Disability,
    }
    references { disa_person_id => Person }
}

ssd_table! {
    /// Immigration status spells; `UASC` marks an unaccompanied asylum-seeking child.
    ImmigrationStatus = "ssd_immigration_status" {
        immi_immigration_status_id: Id<ImmigrationStatus>,
        immi_person_id: PersonId,
        immi_immigration_status: String,
        immi_immigration_status_start_date: Option<Date>,
        immi_immigration_status_end_date: Option<Date>,
    }
    references { immi_person_id => Person }
}

ssd_table! {
    /// A mother and one of her children (903 MOTHER / MC_DOB).
    Mother = "ssd_mother" {
        moth_table_id: Id<Mother>,
        moth_person_id: PersonId,
        moth_childs_person_id: PersonId,
        moth_childs_dob: Option<Date>,
    }
    references { moth_person_id => Person, moth_childs_person_id => Person }
}

ssd_table! {
    /// Legal status spells (903 LS).
    LegalStatusRecord = "ssd_legal_status" {
        lega_legal_status_id: Id<LegalStatusRecord>,
        lega_person_id: PersonId,
        lega_legal_status: LegalStatus,
        lega_legal_status_start_date: Date,
        lega_legal_status_end_date: Option<Date>,
    }
    references { lega_person_id => Person }
}

/// The SSD contact outcome flags (`cont_contact_outcome_json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE", default)]
pub struct ContactOutcome {
    pub new_referral_flag: bool,
    pub existing_referral_flag: bool,
    pub cp_enquiry_flag: bool,
    pub nfa_flag: bool,
    pub advice_flag: bool,
    pub early_help_flag: bool,
}

ssd_table! {
    /// A contact (Annex A List 1).
    Contact = "ssd_contacts" {
        cont_contact_id: Id<Contact>,
        cont_person_id: PersonId,
        cont_contact_date: Date,
        cont_contact_source_code: ReferralSource,
        cont_contact_source_desc: Option<String>,
        cont_contact_outcome_json: Option<Json<ContactOutcome>>,
    }
    references { cont_person_id => Person }
}

ssd_table! {
    /// An early help episode (Annex A List 2).
    EarlyHelpEpisode = "ssd_early_help_episodes" {
        earl_episode_id: Id<EarlyHelpEpisode>,
        earl_person_id: PersonId,
        earl_episode_start_date: Date,
        earl_episode_end_date: Option<Date>,
        earl_episode_reason: Option<String>,
        earl_episode_end_reason: Option<String>,
        earl_episode_organisation: Option<String>,
        earl_episode_worker_id: Option<ProfessionalId>,
    }
    references { earl_person_id => Person, earl_episode_worker_id => Professional }
}

ssd_table! {
    /// A referral and the child-in-need episode it opens (CIN census CINdetails; Annex A Lists 3 and 6).
    CinEpisode = "ssd_cin_episodes" {
        cine_referral_id: ReferralId,
        cine_person_id: PersonId,
        cine_referral_date: Date,
        cine_cin_primary_need_code: Option<PrimaryNeed>,
        cine_referral_source_code: ReferralSource,
        cine_referral_source_desc: Option<String>,
        cine_referral_outcome_json: Option<String>,
        cine_referral_nfa: YesNo,
        cine_close_reason: Option<ClosureReason>,
        cine_close_date: Option<Date>,
        cine_referral_team: Option<TeamId>,
        cine_referral_worker_id: Option<ProfessionalId>,
    }
    references {
        cine_person_id => Person,
        cine_referral_team => Team,
        cine_referral_worker_id => Professional,
    }
}

ssd_table! {
    /// A child and family assessment (CIN Assessments; Annex A List 4).
    Assessment = "ssd_cin_assessments" {
        cina_assessment_id: AssessmentId,
        cina_person_id: PersonId,
        cina_referral_id: ReferralId,
        cina_assessment_start_date: Date,
        cina_assessment_child_seen: Option<YesNo>,
        /// Date the assessment was completed (authorised).
        cina_assessment_auth_date: Option<Date>,
        cina_assessment_outcome_json: Option<String>,
        cina_assessment_outcome_nfa: Option<YesNo>,
        cina_assessment_team: Option<TeamId>,
        cina_assessment_worker_id: Option<ProfessionalId>,
    }
    references {
        cina_person_id => Person,
        cina_referral_id => CinEpisode,
        cina_assessment_team => Team,
        cina_assessment_worker_id => Professional,
    }
}

ssd_table! {
    /// Factors identified at the end of an assessment.
    AssessmentFactors = "ssd_assessment_factors" {
        cinf_table_id: Id<AssessmentFactors>,
        cinf_assessment_id: AssessmentId,
        cinf_assessment_factors_json: Json<Vec<AssessmentFactor>>,
    }
    references { cinf_assessment_id => Assessment }
}

ssd_table! {
    /// A child in need plan.
    CinPlan = "ssd_cin_plans" {
        cinp_cin_plan_id: Id<CinPlan>,
        cinp_referral_id: ReferralId,
        cinp_person_id: PersonId,
        cinp_cin_plan_start_date: Date,
        cinp_cin_plan_end_date: Option<Date>,
        cinp_cin_plan_team: Option<TeamId>,
        cinp_cin_plan_worker_id: Option<ProfessionalId>,
    }
    references {
        cinp_referral_id => CinEpisode,
        cinp_person_id => Person,
        cinp_cin_plan_team => Team,
        cinp_cin_plan_worker_id => Professional,
    }
}

ssd_table! {
    /// A visit to a child in need.
    CinVisit = "ssd_cin_visits" {
        cinv_cin_visit_id: Id<CinVisit>,
        cinv_person_id: PersonId,
        cinv_cin_visit_date: Date,
        cinv_cin_visit_seen: Option<YesNo>,
        cinv_cin_visit_seen_alone: Option<YesNo>,
        cinv_cin_visit_bedroom: Option<YesNo>,
    }
    references { cinv_person_id => Person }
}

ssd_table! {
    /// A section 47 enquiry (CIN Section47; Annex A List 5).
    S47Enquiry = "ssd_s47_enquiry" {
        s47e_s47_enquiry_id: S47Id,
        s47e_referral_id: ReferralId,
        s47e_person_id: PersonId,
        /// Start of the enquiry (the initiating strategy discussion).
        s47e_s47_start_date: Date,
        s47e_s47_end_date: Option<Date>,
        s47e_s47_nfa: Option<YesNo>,
        s47e_s47_outcome_json: Option<String>,
        s47e_s47_completed_by_team: Option<TeamId>,
        s47e_s47_completed_by_worker_id: Option<ProfessionalId>,
    }
    references {
        s47e_referral_id => CinEpisode,
        s47e_person_id => Person,
        s47e_s47_completed_by_team => Team,
        s47e_s47_completed_by_worker_id => Professional,
    }
}

ssd_table! {
    /// An initial child protection conference.
    InitialCpConference = "ssd_initial_cp_conference" {
        icpc_icpc_id: IcpcId,
        icpc_icpc_meeting_id: Option<String>,
        icpc_s47_enquiry_id: Option<S47Id>,
        icpc_person_id: PersonId,
        icpc_cp_plan_id: Option<CpPlanId>,
        icpc_referral_id: ReferralId,
        icpc_icpc_transfer_in: YesNo,
        icpc_icpc_target_date: Option<Date>,
        icpc_icpc_date: Date,
        icpc_icpc_outcome_cp_flag: YesNo,
        icpc_icpc_outcome_json: Option<String>,
        icpc_icpc_team: Option<TeamId>,
        icpc_icpc_worker_id: Option<ProfessionalId>,
    }
    references {
        icpc_s47_enquiry_id => S47Enquiry,
        icpc_person_id => Person,
        icpc_cp_plan_id => CpPlan,
        icpc_referral_id => CinEpisode,
        icpc_icpc_team => Team,
        icpc_icpc_worker_id => Professional,
    }
}

ssd_table! {
    /// A child protection plan (CIN ChildProtectionPlans; Annex A List 7).
    CpPlan = "ssd_cp_plans" {
        cppl_cp_plan_id: CpPlanId,
        cppl_referral_id: ReferralId,
        cppl_icpc_id: Option<IcpcId>,
        cppl_person_id: PersonId,
        cppl_cp_plan_start_date: Date,
        cppl_cp_plan_end_date: Option<Date>,
        /// Plan held by another local authority.
        cppl_cp_plan_ola: YesNo,
        cppl_cp_plan_initial_category: CpCategory,
        cppl_cp_plan_latest_category: CpCategory,
        /// Sightline extension: `NumberOfPreviousCPP` as a CIN census reported it. Blank when
        /// the model holds the child's full history, from which the count is derived.
        cppl_cp_plan_previous_plans: Option<i64>,
    }
    references {
        cppl_referral_id => CinEpisode,
        cppl_icpc_id => InitialCpConference,
        cppl_person_id => Person,
    }
}

ssd_table! {
    /// A statutory child protection visit.
    CpVisit = "ssd_cp_visits" {
        cppv_cp_visit_id: Id<CpVisit>,
        cppv_person_id: PersonId,
        cppv_cp_plan_id: CpPlanId,
        cppv_cp_visit_date: Date,
        cppv_cp_visit_seen: Option<YesNo>,
        cppv_cp_visit_seen_alone: Option<YesNo>,
        cppv_cp_visit_bedroom: Option<YesNo>,
    }
    references { cppv_person_id => Person, cppv_cp_plan_id => CpPlan }
}

ssd_table! {
    /// A child protection review conference.
    CpReview = "ssd_cp_reviews" {
        cppr_cp_review_id: Id<CpReview>,
        cppr_person_id: PersonId,
        cppr_cp_plan_id: CpPlanId,
        cppr_cp_review_due: Option<Date>,
        cppr_cp_review_date: Option<Date>,
        cppr_cp_review_meeting_id: Option<String>,
        cppr_cp_review_outcome_continue_cp: Option<YesNo>,
        cppr_cp_review_quorate: Option<YesNo>,
        cppr_cp_review_participation: Option<YesNo>,
    }
    references { cppr_person_id => Person, cppr_cp_plan_id => CpPlan }
}

ssd_table! {
    /// A placement (903 PLACE, PLACE_PROVIDER, URN, PL_POST; Annex A List 8).
    Placement = "ssd_cla_placement" {
        clap_cla_placement_id: Id<Placement>,
        clap_cla_id: PeriodOfCareId,
        clap_person_id: PersonId,
        clap_cla_placement_start_date: Date,
        clap_cla_placement_type: PlacementType,
        clap_cla_placement_urn: Option<String>,
        /// Miles from home.
        clap_cla_placement_distance: Option<f64>,
        clap_cla_placement_provider: Option<PlacementProvider>,
        clap_cla_placement_postcode: Option<String>,
        clap_cla_placement_end_date: Option<Date>,
        clap_cla_placement_change_reason: Option<ReasonPlaceChange>,
    }
    references { clap_person_id => Person }
}

ssd_table! {
    /// An episode of care (903 Episodes): a new one starts on each change of legal status,
    /// placement or carer.
    ClaEpisode = "ssd_cla_episodes" {
        clae_cla_episode_id: Id<ClaEpisode>,
        clae_person_id: PersonId,
        clae_cla_episode_start_date: Date,
        clae_cla_episode_start_reason: ReasonNewEpisode,
        clae_cla_primary_need_code: PrimaryNeed,
        clae_cla_episode_ceased_date: Option<Date>,
        clae_cla_episode_ceased_reason: Option<ReasonEpisodeCeased>,
        clae_cla_id: PeriodOfCareId,
        clae_referral_id: Option<ReferralId>,
        clae_cla_placement_id: Id<Placement>,
        clae_entered_care_date: Date,
        clae_cla_last_iro_contact_date: Option<Date>,
    }
    references {
        clae_person_id => Person,
        clae_referral_id => CinEpisode,
        clae_cla_placement_id => Placement,
    }
}

ssd_table! {
    /// A looked-after child review (903 Reviews).
    ClaReview = "ssd_cla_reviews" {
        clar_cla_review_id: Id<ClaReview>,
        clar_cla_id: PeriodOfCareId,
        clar_cla_review_due_date: Option<Date>,
        clar_cla_review_date: Option<Date>,
        clar_cla_review_cancelled: Option<YesNo>,
        clar_cla_review_participation: Option<ReviewParticipation>,
    }
}

ssd_table! {
    /// A statutory visit to a looked-after child.
    ClaVisit = "ssd_cla_visits" {
        clav_cla_visit_id: Id<ClaVisit>,
        clav_cla_id: PeriodOfCareId,
        clav_person_id: PersonId,
        clav_cla_visit_date: Date,
        clav_cla_visit_seen: Option<YesNo>,
        clav_cla_visit_seen_alone: Option<YesNo>,
    }
    references { clav_person_id => Person }
}

ssd_table! {
    /// A health assessment or dental check.
    HealthCheck = "ssd_cla_health" {
        clah_health_check_id: Id<HealthCheck>,
        clah_person_id: PersonId,
        clah_health_check_type: HealthCheckType,
        clah_health_check_date: Date,
        clah_health_check_status: Option<HealthCheckStatus>,
    }
    references { clah_person_id => Person }
}

ssd_table! {
    /// Immunisations up to date, as recorded on a date (OC2 IMMUNISATIONS).
    Immunisation = "ssd_cla_immunisations" {
        clai_table_id: Id<Immunisation>,
        clai_person_id: PersonId,
        clai_immunisations_status: YesNo,
        clai_immunisations_status_date: Date,
    }
    references { clai_person_id => Person }
}

ssd_table! {
    /// Identified substance misuse and whether an intervention was received (OC2).
    SubstanceMisuse = "ssd_cla_substance_misuse" {
        clas_substance_misuse_id: Id<SubstanceMisuse>,
        clas_person_id: PersonId,
        clas_substance_misuse_date: Date,
        clas_substance_misused: Option<String>,
        clas_intervention_received: Option<YesNo>,
    }
    references { clas_person_id => Person }
}

ssd_table! {
    /// A conviction or final warning while looked after (OC2 CONVICTED).
    Conviction = "ssd_cla_convictions" {
        clac_cla_conviction_id: Id<Conviction>,
        clac_person_id: PersonId,
        clac_cla_conviction_date: Date,
        clac_cla_conviction_offence: Option<String>,
    }
    references { clac_person_id => Person }
}

ssd_table! {
    /// A Strengths and Difficulties Questionnaire score, or why there is none (OC2 SDQ).
    SdqScore = "ssd_sdq_scores" {
        csdq_table_id: Id<SdqScore>,
        csdq_person_id: PersonId,
        csdq_sdq_completed_date: Date,
        csdq_sdq_score: Option<i64>,
        csdq_sdq_reason: Option<SdqReason>,
    }
    references { csdq_person_id => Person }
}

ssd_table! {
    /// Permanence before this period of care (903 PrevPerm). The order date may be partial
    /// (`zz/MM/YYYY`), so it is text.
    PreviousPermanenceRecord = "ssd_cla_previous_permanence" {
        lapp_table_id: Id<PreviousPermanenceRecord>,
        lapp_person_id: PersonId,
        lapp_previous_permanence_option: PreviousPermanence,
        lapp_previous_permanence_la: Option<String>,
        lapp_previous_permanence_order_date: Option<String>,
    }
    references { lapp_person_id => Person }
}

/// The care plan detail held in `lacp_cla_care_plan_json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct CarePlanDetail {
    pub permanence_plan: PermanencePlan,
}

ssd_table! {
    /// A looked-after child's care plan and its permanence plan.
    ClaCarePlan = "ssd_cla_care_plan" {
        lacp_table_id: Id<ClaCarePlan>,
        lacp_person_id: PersonId,
        lacp_cla_care_plan_start_date: Date,
        lacp_cla_care_plan_end_date: Option<Date>,
        lacp_cla_care_plan_json: Json<CarePlanDetail>,
    }
    references { lacp_person_id => Person }
}

ssd_table! {
    /// A missing (M) or away-without-authorisation (A) episode and its return interview.
    MissingEpisode = "ssd_missing" {
        miss_table_id: Id<MissingEpisode>,
        miss_person_id: PersonId,
        miss_missing_episode_start_date: Date,
        miss_missing_episode_type: MissingType,
        miss_missing_episode_end_date: Option<Date>,
        miss_missing_rhi_offered: Option<YesNo>,
        miss_missing_rhi_accepted: Option<YesNo>,
    }
    references { miss_person_id => Person }
}

ssd_table! {
    /// Sightline extension (the SSD has no such table): a deprivation of liberty order (DoLO)
    /// made by the High Court for a looked-after child, reported in the 903 DoLo table from
    /// 2026-27.
    DeprivationOfLiberty = "ssd_deprivation_of_liberty" {
        dolo_table_id: Id<DeprivationOfLiberty>,
        dolo_person_id: PersonId,
        dolo_start_date: Date,
        dolo_end_date: Option<Date>,
    }
    references { dolo_person_id => Person }
}

ssd_table! {
    /// A care leaver contact: one row per recorded contact (Sightline keeps the history; the
    /// latest row is the SSD's one-row-per-leaver view).
    CareLeaver = "ssd_care_leavers" {
        clea_table_id: Id<CareLeaver>,
        clea_person_id: PersonId,
        clea_care_leaver_eligibility: CareLeaverEligibility,
        clea_care_leaver_in_touch: InTouch,
        clea_care_leaver_latest_contact: Date,
        clea_care_leaver_accommodation: Option<AccommodationType>,
        clea_care_leaver_accom_suitable: Option<Suitability>,
        clea_care_leaver_activity: Option<CareLeaverActivity>,
        clea_pathway_plan_review_date: Option<Date>,
        clea_care_leaver_personal_advisor: Option<String>,
        clea_care_leaver_allocated_team: Option<TeamId>,
        clea_care_leaver_worker_id: Option<ProfessionalId>,
    }
    references {
        clea_person_id => Person,
        clea_care_leaver_allocated_team => Team,
        clea_care_leaver_worker_id => Professional,
    }
}

ssd_table! {
    /// Adoption and other permanence milestones (903 AD1 and PlacedAdoption; Annex A Lists 10-11).
    Permanence = "ssd_permanence" {
        perm_table_id: Id<Permanence>,
        perm_person_id: PersonId,
        perm_cla_id: Option<PeriodOfCareId>,
        /// Agency decision maker: the child should be placed for adoption.
        perm_adm_decision_date: Option<Date>,
        perm_ffa_cp_decision_date: Option<Date>,
        perm_placement_order_date: Option<Date>,
        perm_placed_for_adoption_date: Option<Date>,
        perm_matched_date: Option<Date>,
        perm_adopted_by_carer_flag: Option<YesNo>,
        perm_placed_ffa_cp_date: Option<Date>,
        perm_decision_reversed_date: Option<Date>,
        perm_decision_reversed_reason: Option<ReasonNoLongerPlaced>,
        perm_placed_foster_carer_date: Option<Date>,
        perm_part_of_sibling_group: Option<YesNo>,
        perm_siblings_placed_together: Option<i64>,
        perm_siblings_placed_apart: Option<i64>,
        perm_placement_provider_urn: Option<String>,
        perm_permanence_order_date: Option<Date>,
        perm_permanence_order_type: Option<PermanenceOrderType>,
        perm_adoption_worker_id: Option<ProfessionalId>,
        perm_adopter_sex: Option<AdopterSex>,
        perm_adopter_legal_status: Option<AdopterLegalStatus>,
        perm_number_of_adopters: Option<i64>,
        /// Sightline extension: the adoptive family the child was matched with
        /// (`adop_family_id` in `ssd_adopters`; Annex A List 10 "Family identifier"). Not a
        /// declared foreign key, because a family is a group of adopter rows, not one row.
        perm_adoptive_family_id: Option<String>,
    }
    references { perm_person_id => Person, perm_adoption_worker_id => Professional }
}

ssd_table! {
    /// Sightline extension (the SSD has no such table): one row per individual (prospective)
    /// adopter who had contact with the adoption agency, grouped into adoptive families by
    /// `adop_family_id` (Annex A List 11; List 10's "Family identifier" links a child to it).
    Adopter = "ssd_adopters" {
        adop_adopter_id: Id<Adopter>,
        /// The adoptive family (household); a couple share one.
        adop_family_id: String,
        adop_sex: Sex,
        adop_ethnicity: Ethnicity,
        adop_disability: YesNo,
        adop_fostering_for_adoption: YesNo,
        adop_enquiry_date: Date,
        adop_stage1_start_date: Option<Date>,
        adop_stage1_end_date: Option<Date>,
        adop_stage2_start_date: Option<Date>,
        adop_stage2_end_date: Option<Date>,
        adop_application_date: Option<Date>,
        adop_approval_date: Option<Date>,
        adop_matched_date: Option<Date>,
        adop_placed_date: Option<Date>,
        adop_children_placed: Option<i64>,
        adop_adoption_order_date: Option<Date>,
        adop_left_process_date: Option<Date>,
        adop_left_process_reason: Option<AdopterLeavingReason>,
    }
}

ssd_table! {
    /// A worker's or team's involvement with a child (Annex A allocated team/worker; 903 SWEpisodes).
    Involvement = "ssd_involvements" {
        invo_involvements_id: Id<Involvement>,
        invo_professional_id: Option<ProfessionalId>,
        invo_professional_role_id: Option<String>,
        invo_professional_team: Option<TeamId>,
        invo_involvement_start_date: Date,
        invo_involvement_end_date: Option<Date>,
        invo_worker_change_reason: Option<WorkerChangeReason>,
        invo_person_id: PersonId,
        invo_referral_id: Option<ReferralId>,
    }
    references {
        invo_professional_id => Professional,
        invo_professional_team => Team,
        invo_person_id => Person,
        invo_referral_id => CinEpisode,
    }
}
