//! Maps a CIN census into case-model tables, for councils that hold only their return.
//!
//! The census has no record ids, so rows get ids made from a table letter and a running number
//! (`R17`, `A40`…), unique within the import. What the census does not carry stays blank: teams,
//! workers, visits, contacts, the section 47 end date. Two census items have no SSD column and
//! are kept in Sightline extensions so a re-export is identical: `NumberOfPreviousCPP`
//! (`cppl_cp_plan_previous_plans`) and the ICPC outcome (a conference is flagged as leading to a
//! plan when a plan on the same referral starts that day). `FormerUPN` and
//! `AssessmentInternalReviewDate` are not held, nor an ICPC target for a conference that had not
//! happened by the reference date.

use model::codes::YesNo;
use model::tables::{
    self as m, AssessmentFactors, AssessmentId, CinEpisode, CinPlan, CpPlanId, CpReview,
    DisabilityRecord, IcpcId, InitialCpConference, Person, PersonId, ReferralId, S47Enquiry, S47Id,
};
use model::{Id, Json, LaInfo, Tables};

use super::*;
use crate::ReadError;

struct Ids {
    next: u64,
}

impl Ids {
    fn make<T>(&mut self, prefix: &str) -> Id<T> {
        self.next += 1;
        Id::new(format!("{prefix}{}", self.next)).expect("short generated id")
    }
}

/// The case-model tables and LA details a census describes. `file` names the census in errors.
pub fn into_tables(census: &Census, file: &str) -> Result<(Tables, LaInfo), ReadError> {
    let mut t = Tables::default();
    let mut ids = Ids { next: 0 };
    for (n, c) in census.children.iter().enumerate() {
        let pid: PersonId = Id::new(&c.la_child_id).map_err(|e| ReadError {
            line: None,
            column: Some("LAchildID".into()),
            value: Some(c.la_child_id.clone()),
            ..ReadError::file(file, format!("a usable child id (child {}: {e})", n + 1))
        })?;
        t.people.push(Person {
            pers_person_id: pid.clone(),
            pers_legacy_id: None,
            pers_forename: None,
            pers_surname: None,
            pers_sex: c.sex,
            pers_gender: None,
            pers_ethnicity: c.ethnicity,
            pers_dob: c.birth_date,
            pers_expected_dob: c.expected_birth_date,
            pers_death_date: c.death_date,
            pers_upn: c.upn.clone(),
            pers_upn_unknown: c.upn_unknown,
            pers_common_child_id: None,
            pers_send_flag: None,
            pers_is_mother: None,
            pers_nationality: None,
        });
        for d in &c.disabilities {
            t.disabilities.push(DisabilityRecord {
                disa_table_id: ids.make("D"),
                disa_person_id: pid.clone(),
                disa_disability_code: *d,
            });
        }
        for d in &c.details {
            load_details(&mut t, &mut ids, &pid, d);
        }
    }
    let la = LaInfo {
        la_code: census.header.la_code.clone(),
        la_name: format!("LA {}", census.header.la_code),
        child_population: 0,
        as_at: census.header.reference_date,
    };
    Ok((t, la))
}

fn load_details(t: &mut Tables, ids: &mut Ids, pid: &PersonId, d: &CinDetails) {
    let rid: ReferralId = ids.make("R");
    t.cin_episodes.push(CinEpisode {
        cine_referral_id: rid.clone(),
        cine_person_id: pid.clone(),
        cine_referral_date: d.referral_date,
        cine_cin_primary_need_code: d.primary_need,
        cine_referral_source_code: d.referral_source,
        cine_referral_source_desc: None,
        cine_referral_outcome_json: None,
        cine_referral_nfa: YesNo::from_bool(d.referral_nfa),
        cine_close_reason: d.closure_reason,
        cine_close_date: d.closure_date,
        cine_referral_team: None,
        cine_referral_worker_id: None,
    });
    for a in &d.assessments {
        let aid: AssessmentId = ids.make("A");
        t.assessments.push(m::Assessment {
            cina_assessment_id: aid.clone(),
            cina_person_id: pid.clone(),
            cina_referral_id: rid.clone(),
            cina_assessment_start_date: a.start_date,
            cina_assessment_child_seen: None,
            cina_assessment_auth_date: a.authorisation_date,
            cina_assessment_outcome_json: None,
            cina_assessment_outcome_nfa: None,
            cina_assessment_team: None,
            cina_assessment_worker_id: None,
        });
        if !a.factors.is_empty() {
            t.assessment_factors.push(AssessmentFactors {
                cinf_table_id: ids.make("F"),
                cinf_assessment_id: aid,
                cinf_assessment_factors_json: Json(a.factors.clone()),
            });
        }
    }
    for p in &d.cin_plans {
        t.cin_plans.push(CinPlan {
            cinp_cin_plan_id: ids.make("N"),
            cinp_referral_id: rid.clone(),
            cinp_person_id: pid.clone(),
            cinp_cin_plan_start_date: p.start_date,
            cinp_cin_plan_end_date: p.end_date,
            cinp_cin_plan_team: None,
            cinp_cin_plan_worker_id: None,
        });
    }
    // Conferences first, so plans can point at the one that started them.
    let mut conferences: Vec<(IcpcId, model::Date)> = vec![];
    let mut add_icpc = |t: &mut Tables,
                        ids: &mut Ids,
                        s47: Option<S47Id>,
                        target: Option<model::Date>,
                        date: model::Date| {
        let iid: IcpcId = ids.make("I");
        let plan = d.cp_plans.iter().any(|p| p.start_date == date);
        t.initial_cp_conferences.push(InitialCpConference {
            icpc_icpc_id: iid.clone(),
            icpc_icpc_meeting_id: None,
            icpc_s47_enquiry_id: s47.clone(),
            icpc_person_id: pid.clone(),
            icpc_cp_plan_id: None,
            icpc_referral_id: rid.clone(),
            icpc_icpc_transfer_in: YesNo::from_bool(s47.is_none()),
            icpc_icpc_target_date: target,
            icpc_icpc_date: date,
            icpc_icpc_outcome_cp_flag: YesNo::from_bool(plan),
            icpc_icpc_outcome_json: None,
            icpc_icpc_team: None,
            icpc_icpc_worker_id: None,
        });
        conferences.push((iid, date));
    };
    if let Some(date) = d.initial_cpc_date {
        add_icpc(t, ids, None, None, date);
    }
    for s in &d.section47s {
        let sid: S47Id = ids.make("S");
        t.s47_enquiries.push(S47Enquiry {
            s47e_s47_enquiry_id: sid.clone(),
            s47e_referral_id: rid.clone(),
            s47e_person_id: pid.clone(),
            s47e_s47_start_date: s.start_date,
            s47e_s47_end_date: None,
            s47e_s47_nfa: if s.initial_cpc_date.is_some() {
                Some(YesNo::No)
            } else if s.icpc_not_required {
                Some(YesNo::Yes)
            } else {
                None
            },
            s47e_s47_outcome_json: None,
            s47e_s47_completed_by_team: None,
            s47e_s47_completed_by_worker_id: None,
        });
        // The model keeps ICPC targets on conferences, so a target for a conference that has
        // not happened by 31 March is not held.
        if let Some(date) = s.initial_cpc_date {
            add_icpc(t, ids, Some(sid), s.initial_cpc_target, date);
        }
    }
    for p in &d.cp_plans {
        let cid: CpPlanId = ids.make("P");
        let icpc = conferences
            .iter()
            .find(|(_, date)| *date == p.start_date)
            .map(|(i, _)| i.clone());
        if let Some(i) = &icpc {
            if let Some(row) = t
                .initial_cp_conferences
                .iter_mut()
                .rev()
                .find(|r| &r.icpc_icpc_id == i)
            {
                row.icpc_cp_plan_id = Some(cid.clone());
            }
        }
        t.cp_plans.push(m::CpPlan {
            cppl_cp_plan_id: cid.clone(),
            cppl_referral_id: rid.clone(),
            cppl_icpc_id: icpc,
            cppl_person_id: pid.clone(),
            cppl_cp_plan_start_date: p.start_date,
            cppl_cp_plan_end_date: p.end_date,
            cppl_cp_plan_ola: YesNo::No,
            cppl_cp_plan_initial_category: p.initial_category,
            cppl_cp_plan_latest_category: p.latest_category,
            cppl_cp_plan_previous_plans: Some(p.previous_plans as i64),
        });
        for r in &p.review_dates {
            t.cp_reviews.push(CpReview {
                cppr_cp_review_id: ids.make("V"),
                cppr_person_id: pid.clone(),
                cppr_cp_plan_id: cid.clone(),
                cppr_cp_review_due: None,
                cppr_cp_review_date: Some(*r),
                cppr_cp_review_meeting_id: None,
                cppr_cp_review_outcome_continue_cp: None,
                cppr_cp_review_quorate: None,
                cppr_cp_review_participation: None,
            });
        }
    }
}
