//! Builds the CIN census for a collection year from the case model.
//!
//! Scope follows the census guidance (`csc-data-spec.md` §2.1): every referral open at any point
//! in the year (received on or before 31 March and not closed before 1 April), including
//! referrals that led to no further action. Everything recorded under those referrals is
//! included if it was open at some point in the year. The model may run past 31 March (an
//! extract taken in June): anything dated after the reference date has not happened yet as far
//! as the census is concerned, so such dates are left blank and such records left out.

use model::codes::{Sex, YesNo};
use model::tables::{CinEpisode, InitialCpConference};
use model::{CaseModel, CollectionYear, Date};

use super::*;
use crate::group::index;

/// The census for `year`, as Sightline would submit it.
pub fn derive(model: &CaseModel, year: CollectionYear) -> Census {
    let t = &model.tables;
    let (start, end) = (year.start(), year.end());
    let by_end = |d: Option<Date>| d.filter(|&d| d <= end);
    let open_in_year = |from: Date, to: Option<Date>| from <= end && to.is_none_or(|e| e >= start);

    let referrals = index(&t.cin_episodes, |r| r.cine_person_id.as_str());
    let assessments = index(&t.assessments, |r| r.cina_referral_id.as_str());
    let factors = index(&t.assessment_factors, |r| r.cinf_assessment_id.as_str());
    let plans = index(&t.cin_plans, |r| r.cinp_referral_id.as_str());
    let s47s = index(&t.s47_enquiries, |r| r.s47e_referral_id.as_str());
    let icpcs = index(&t.initial_cp_conferences, |r| r.icpc_referral_id.as_str());
    let cp_plans = index(&t.cp_plans, |r| r.cppl_referral_id.as_str());
    let cp_by_person = index(&t.cp_plans, |r| r.cppl_person_id.as_str());
    let reviews = index(&t.cp_reviews, |r| r.cppr_cp_plan_id.as_str());
    let disabilities = index(&t.disabilities, |r| r.disa_person_id.as_str());

    let mut children = vec![];
    for p in &t.people {
        let pid = p.pers_person_id.as_str();
        let mut eps: Vec<&CinEpisode> = referrals
            .get(pid)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|r| open_in_year(r.cine_referral_date, r.cine_close_date))
                    .collect()
            })
            .unwrap_or_default();
        if eps.is_empty() {
            continue;
        }
        eps.sort_by_key(|r| r.cine_referral_date);
        // A child born after the reference date was unborn at the census date.
        let born = p.pers_dob.filter(|&d| d <= end);
        let expected = if born.is_some() {
            None
        } else {
            p.pers_expected_dob.or(p.pers_dob)
        };
        let details = eps
            .iter()
            .map(|r| {
                let rid = r.cine_referral_id.as_str();
                let closure = by_end(r.cine_close_date);
                let mut assess: Vec<Assessment> = assessments
                    .get(rid)
                    .into_iter()
                    .flatten()
                    .filter(|a| {
                        open_in_year(a.cina_assessment_start_date, a.cina_assessment_auth_date)
                    })
                    .map(|a| {
                        let auth = by_end(a.cina_assessment_auth_date);
                        let mut fs: Vec<_> = if auth.is_some() {
                            factors
                                .get(a.cina_assessment_id.as_str())
                                .into_iter()
                                .flatten()
                                .flat_map(|f| f.cinf_assessment_factors_json.0.iter().copied())
                                .collect()
                        } else {
                            vec![]
                        };
                        dedup_in_order(&mut fs);
                        Assessment {
                            start_date: a.cina_assessment_start_date,
                            internal_review_date: None,
                            authorisation_date: auth,
                            factors: fs,
                        }
                    })
                    .collect();
                assess.sort_by_key(|a| a.start_date);
                let mut cin_plans: Vec<CinPlanDates> = plans
                    .get(rid)
                    .into_iter()
                    .flatten()
                    .filter(|c| open_in_year(c.cinp_cin_plan_start_date, c.cinp_cin_plan_end_date))
                    .map(|c| CinPlanDates {
                        start_date: c.cinp_cin_plan_start_date,
                        end_date: by_end(c.cinp_cin_plan_end_date),
                    })
                    .collect();
                cin_plans.sort_by_key(|c| c.start_date);
                let ref_icpcs: &[&InitialCpConference] =
                    icpcs.get(rid).map(|v| v.as_slice()).unwrap_or(&[]);
                let mut section47s: Vec<Section47> = s47s
                    .get(rid)
                    .into_iter()
                    .flatten()
                    .filter(|s| open_in_year(s.s47e_s47_start_date, s.s47e_s47_end_date))
                    .map(|s| {
                        let icpc = ref_icpcs.iter().find(|i| {
                            i.icpc_s47_enquiry_id.as_ref() == Some(&s.s47e_s47_enquiry_id)
                        });
                        let icpc_date = icpc.and_then(|i| by_end(Some(i.icpc_icpc_date)));
                        let concluded_without = icpc.is_none()
                            && s.s47e_s47_nfa == Some(YesNo::Yes)
                            && s.s47e_s47_end_date.is_none_or(|e| e <= end);
                        Section47 {
                            start_date: s.s47e_s47_start_date,
                            initial_cpc_target: icpc.and_then(|i| i.icpc_icpc_target_date),
                            initial_cpc_date: icpc_date,
                            icpc_not_required: concluded_without,
                        }
                    })
                    .collect();
                section47s.sort_by_key(|s| s.start_date);
                // A conference with no section 47 behind it (a transfer-in) sits on the referral.
                let initial_cpc_date = ref_icpcs
                    .iter()
                    .filter(|i| i.icpc_s47_enquiry_id.is_none())
                    .map(|i| i.icpc_icpc_date)
                    .filter(|&d| d >= start && d <= end)
                    .min();
                let mut cps: Vec<CpPlan> = cp_plans
                    .get(rid)
                    .into_iter()
                    .flatten()
                    .filter(|c| open_in_year(c.cppl_cp_plan_start_date, c.cppl_cp_plan_end_date))
                    .map(|c| {
                        let plan_start = c.cppl_cp_plan_start_date;
                        let previous = match c.cppl_cp_plan_previous_plans {
                            Some(n) => n.max(0) as u32,
                            None => cp_by_person
                                .get(pid)
                                .into_iter()
                                .flatten()
                                .filter(|o| o.cppl_cp_plan_start_date < plan_start)
                                .count() as u32,
                        };
                        let mut review_dates: Vec<Date> = reviews
                            .get(c.cppl_cp_plan_id.as_str())
                            .into_iter()
                            .flatten()
                            .filter_map(|r| r.cppr_cp_review_date)
                            .filter(|&d| d >= start && d <= end && d >= plan_start)
                            .collect();
                        review_dates.sort();
                        review_dates.dedup();
                        CpPlan {
                            start_date: plan_start,
                            end_date: by_end(c.cppl_cp_plan_end_date),
                            initial_category: c.cppl_cp_plan_initial_category,
                            latest_category: c.cppl_cp_plan_latest_category,
                            previous_plans: previous,
                            review_dates,
                        }
                    })
                    .collect();
                cps.sort_by_key(|c| c.start_date);
                CinDetails {
                    referral_date: r.cine_referral_date,
                    referral_source: r.cine_referral_source_code,
                    primary_need: r.cine_cin_primary_need_code,
                    closure_date: closure,
                    closure_reason: closure.and(r.cine_close_reason),
                    initial_cpc_date,
                    assessments: assess,
                    cin_plans,
                    section47s,
                    referral_nfa: r.cine_referral_nfa.is_yes(),
                    cp_plans: cps,
                }
            })
            .collect();
        let mut disab: Vec<_> = disabilities
            .get(pid)
            .into_iter()
            .flatten()
            .map(|d| d.disa_disability_code)
            .collect();
        dedup_in_order(&mut disab);
        children.push(Child {
            la_child_id: pid.to_string(),
            upn: p.pers_upn.clone(),
            former_upn: None,
            upn_unknown: p.pers_upn_unknown,
            birth_date: born,
            expected_birth_date: expected,
            sex: if born.is_some() {
                p.pers_sex
            } else {
                Sex::Unknown
            },
            death_date: by_end(p.pers_death_date),
            ethnicity: p.pers_ethnicity,
            disabilities: disab,
            details,
        });
    }
    Census {
        year,
        header: Header {
            la_code: model.la.la_code.clone(),
            reference_date: end,
            software_code: Some("Sightline".into()),
            release: Some(env!("CARGO_PKG_VERSION").into()),
            serial_no: None,
            date_time: None,
        },
        children,
    }
}

fn dedup_in_order<T: PartialEq + Copy>(v: &mut Vec<T>) {
    let mut seen: Vec<T> = Vec::with_capacity(v.len());
    v.retain(|x| {
        if seen.contains(x) {
            false
        } else {
            seen.push(*x);
            true
        }
    });
}
