//! Builds the eleven lists from the case model at an as-at date (`csc-data-spec.md` §1.3).

use hashbrown::{HashMap, HashSet};

use model::calendar::{add_months, age_in_years};
use model::codes::*;
use model::tables::*;
use model::{CaseModel, Date};

use super::codes::{self as cc, cell, yes_no, yes_no_of};
use super::{AnnexA, Cell, LISTS};
use crate::group::{by_key, index, par_let, rows};
use rayon::prelude::*;

/// Choices the spec leaves open (`docs/annex-a.md`).
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Whether "Number of Referrals in Last 12 Months" (and the S47/ICPC counts of List 5)
    /// include the row's own event. D2I's SQL excludes it; the spec marks this UNCERTAIN.
    pub count_current_event: bool,
    /// A placement within this many miles of home counts as "In" the authority for Placement
    /// Location: synthetic postcodes cannot be placed in an LA, so distance stands in for it.
    pub in_area_miles: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            count_current_event: false,
            in_area_miles: 20.0,
        }
    }
}

/// Annex A for the as-at date `r`.
pub fn derive(model: &CaseModel, r: Date, opts: &Options) -> AnnexA {
    let t = &model.tables;
    let six = Date(add_months(r.0, -6));
    let twelve = Date(add_months(r.0, -12));
    let upto = |d: Option<Date>| d.filter(|&d| d <= r);
    // Open on `r`, or ended on or after `from`.
    let live_since = |start: Date, end: Option<Date>, from: Date| {
        start <= r && upto(end).is_none_or(|e| e >= from)
    };

    // The indexes are independent of each other: built on all cores.
    par_let! {
        people = by_key(&t.people, |x| x.pers_person_id.as_str());
        teams: HashMap<&str, &str> = t
            .teams
            .iter()
            .map(|x| (x.dept_team_id.as_str(), x.dept_team_name.as_str()))
            .collect();
        workers = by_key(&t.professionals, |x| x.prof_professional_id.as_str());
        disabilities = index(&t.disabilities, |x| x.disa_person_id.as_str());
        involvements = index(&t.involvements, |x| x.invo_person_id.as_str());
        referrals = index(&t.cin_episodes, |x| x.cine_person_id.as_str());
        s47s = index(&t.s47_enquiries, |x| x.s47e_person_id.as_str());
        icpcs = index(&t.initial_cp_conferences, |x| x.icpc_person_id.as_str());
        icpc_of_s47: HashMap<&str, &InitialCpConference> = t
            .initial_cp_conferences
            .iter()
            .filter_map(|c| Some((c.icpc_s47_enquiry_id.as_ref()?.as_str(), c)))
            .collect();
        assessments = index(&t.assessments, |x| x.cina_referral_id.as_str());
        cin_plans = index(&t.cin_plans, |x| x.cinp_person_id.as_str());
        cp_plans = index(&t.cp_plans, |x| x.cppl_person_id.as_str());
        cp_visits = index(&t.cp_visits, |x| x.cppv_cp_plan_id.as_str());
        cp_reviews = index(&t.cp_reviews, |x| x.cppr_cp_plan_id.as_str());
        cin_visits = index(&t.cin_visits, |x| x.cinv_person_id.as_str());
        cla_visits = index(&t.cla_visits, |x| x.clav_person_id.as_str());
        cp_visits_by_child = index(&t.cp_visits, |x| x.cppv_person_id.as_str());
        episodes = index(&t.cla_episodes, |x| x.clae_person_id.as_str());
        statuses = index(&t.legal_statuses, |x| x.lega_person_id.as_str());
        placements = by_key(&t.placements, |x| x.clap_cla_placement_id.as_str());
        placements_by_child = index(&t.placements, |x| x.clap_person_id.as_str());
        reviews = index(&t.cla_reviews, |x| x.clar_cla_id.as_str());
        health = index(&t.health_checks, |x| x.clah_person_id.as_str());
        care_plans = index(&t.cla_care_plans, |x| x.lacp_person_id.as_str());
        missing = index(&t.missing_episodes, |x| x.miss_person_id.as_str());
        immigration = index(&t.immigration_statuses, |x| x.immi_person_id.as_str());
        leavers = index(&t.care_leavers, |x| x.clea_person_id.as_str());
        entered_care: HashMap<&str, Date> = t
            .cla_episodes
            .iter()
            .map(|e| (e.clae_cla_id.as_str(), e.clae_entered_care_date))
            .collect();
    }

    let common = |pid: &str| -> Vec<Cell> {
        let p = people.get(pid);
        let dob = p.and_then(|p| p.pers_dob);
        vec![
            Cell::Text(pid.to_string()),
            p.map_or(Cell::Empty, |p| cell(&cc::GENDER, p.pers_sex).into()),
            p.map_or(Cell::Empty, |p| {
                cell(&cc::ETHNICITY, p.pers_ethnicity).into()
            }),
            dob.into(),
            age_cell(dob, r),
        ]
    };
    let disabled = |pid: &str| -> Cell {
        let codes: Vec<Disability> = rows(&disabilities, pid)
            .map(|d| d.disa_disability_code)
            .collect();
        Cell::Text(if codes.is_empty() {
            cc::YES_NO.cells[2].1.to_string()
        } else {
            yes_no(codes.iter().any(|&c| c != Disability::None))
        })
    };
    // The allocated worker at `r`: the latest allocation open then; or else the team and worker
    // the record itself names (who held the referral or assessment); or else the child's last
    // allocation before `r` (a closed case keeps the worker who closed it).
    let allocated = |pid: &str, own: (Option<&TeamId>, Option<&ProfessionalId>)| -> [Cell; 2] {
        let started: Vec<&Involvement> = rows(&involvements, pid)
            .filter(|i| i.invo_involvement_start_date <= r)
            .collect();
        fn of(i: &Involvement) -> (Option<&TeamId>, Option<&ProfessionalId>) {
            (
                i.invo_professional_team.as_ref(),
                i.invo_professional_id.as_ref(),
            )
        }
        let open = started
            .iter()
            .filter(|i| upto(i.invo_involvement_end_date).is_none())
            .max_by_key(|i| i.invo_involvement_start_date);
        let last = started.iter().max_by_key(|i| i.invo_involvement_start_date);
        let (team, worker) = match (open, own, last) {
            (Some(i), _, _) => of(i),
            (None, (None, None), Some(i)) => of(i),
            (None, own, _) => own,
        };
        [
            team.and_then(|x| teams.get(x.as_str()))
                .map(|s| s.to_string())
                .into(),
            worker
                .and_then(|x| workers.get(x.as_str()))
                .map(|w| {
                    w.prof_professional_name
                        .clone()
                        .unwrap_or_else(|| w.prof_professional_id.as_str().to_string())
                })
                .into(),
        ]
    };
    let count_before = |dates: &mut dyn Iterator<Item = Date>, at: Date| -> i64 {
        let from = Date(add_months(at.0, -12));
        dates
            .filter(|&d| d >= from && (d < at || (opts.count_current_event && d == at)))
            .count() as i64
    };

    // List 1: contacts in the six months.
    // Children looked after on a date: an open episode that is not a short break.
    let in_care_on = |pid: &str, d: Date| {
        rows(&episodes, pid).any(|e| {
            e.clae_cla_episode_start_date <= d
                && e.clae_cla_episode_ceased_date.is_none_or(|c| c > d)
                && !legal_status_on(&statuses, pid, e.clae_cla_episode_start_date)
                    .is_some_and(|s| s.is_short_break())
        })
    };

    let list1 = || {
        let mut out = Vec::new();
        for c in t
            .contacts
            .iter()
            .filter(|c| c.cont_contact_date >= six && c.cont_contact_date <= r)
        {
            let mut row = common(c.cont_person_id.as_str());
            row.push(c.cont_contact_date.into());
            row.push(cell(&cc::SOURCE, c.cont_contact_source_code).into());
            out.push(row);
        }
        out
    };
    // List 2: early help started or ended in the six months, or open.
    let list2 = || {
        let mut out = Vec::new();
        for e in t
            .early_help_episodes
            .iter()
            .filter(|e| live_since(e.earl_episode_start_date, e.earl_episode_end_date, six))
        {
            let mut row = common(e.earl_person_id.as_str());
            row.push(e.earl_episode_start_date.into());
            row.push(upto(e.earl_episode_end_date).into());
            row.push(
                e.earl_episode_organisation
                    .clone()
                    .unwrap_or_else(|| model.la.la_name.clone())
                    .into(),
            );
            out.push(row);
        }
        out
    };
    // List 3: referrals in the six months.
    let list3 = || {
        let mut out = Vec::new();
        for f in t
            .cin_episodes
            .iter()
            .filter(|f| f.cine_referral_date >= six && f.cine_referral_date <= r)
        {
            let pid = f.cine_person_id.as_str();
            let mut row = common(pid);
            row.push(f.cine_referral_date.into());
            row.push(cell(&cc::SOURCE, f.cine_referral_source_code).into());
            row.push(yes_no_of(f.cine_referral_nfa).into());
            let n = count_before(
                &mut rows(&referrals, pid).map(|x| x.cine_referral_date),
                f.cine_referral_date,
            );
            row.push(Cell::Int(n));
            row.extend(allocated(
                pid,
                (
                    f.cine_referral_team.as_ref(),
                    f.cine_referral_worker_id.as_ref(),
                ),
            ));
            out.push(row);
        }
        out
    };
    // List 4: assessments open at any point in the six months.
    let list4 = || {
        let mut out = Vec::new();
        let referral_of = by_key(&t.cin_episodes, |x| x.cine_referral_id.as_str());
        for a in t.assessments.iter().filter(|a| {
            live_since(
                a.cina_assessment_start_date,
                a.cina_assessment_auth_date,
                six,
            )
        }) {
            let pid = a.cina_person_id.as_str();
            let mut row = common(pid);
            row.push(disabled(pid));
            row.push(a.cina_assessment_start_date.into());
            row.push(
                a.cina_assessment_child_seen
                    .map_or(cc::YES_NO.cells[2].1.to_string(), yes_no_of)
                    .into(),
            );
            let auth = upto(a.cina_assessment_auth_date);
            row.push(auth.into());
            // Services needed unless the assessment (or its referral) ended in no further action.
            let needed = auth.map(|_| match a.cina_assessment_outcome_nfa {
                Some(nfa) => !nfa.is_yes(),
                None => !referral_of
                    .get(a.cina_referral_id.as_str())
                    .and_then(|f| {
                        f.cine_close_reason
                            .filter(|_| upto(f.cine_close_date).is_some())
                    })
                    .is_some_and(|c| matches!(c, ClosureReason::Rc8 | ClosureReason::Rc9)),
            });
            row.push(needed.map(yes_no).into());
            row.extend(allocated(
                pid,
                (
                    a.cina_assessment_team.as_ref(),
                    a.cina_assessment_worker_id.as_ref(),
                ),
            ));
            out.push(row);
        }
        out
    };
    // List 5: section 47 enquiries open at any point in the six months.
    let list5 = || {
        let mut out = Vec::new();
        for s in t
            .s47_enquiries
            .iter()
            .filter(|s| live_since(s.s47e_s47_start_date, s.s47e_s47_end_date, six))
        {
            let pid = s.s47e_person_id.as_str();
            let mut row = common(pid);
            row.push(disabled(pid));
            row.push(s.s47e_s47_start_date.into());
            let icpc = icpc_of_s47
                .get(s.s47e_s47_enquiry_id.as_str())
                .filter(|c| c.icpc_icpc_date <= r);
            let ended = upto(s.s47e_s47_end_date).is_some();
            row.push(match icpc {
                Some(_) => yes_no(false).into(),
                None if ended => yes_no(true).into(),
                None => Cell::Empty,
            });
            row.push(icpc.map(|c| c.icpc_icpc_date).into());
            row.push(icpc.map(|c| yes_no_of(c.icpc_icpc_outcome_cp_flag)).into());
            let start = s.s47e_s47_start_date;
            row.push(Cell::Int(count_before(
                &mut rows(&s47s, pid).map(|x| x.s47e_s47_start_date),
                start,
            )));
            row.push(Cell::Int(count_before(
                &mut rows(&icpcs, pid).map(|x| x.icpc_icpc_date),
                start,
            )));
            row.extend(allocated(
                pid,
                (
                    s.s47e_s47_completed_by_team.as_ref(),
                    s.s47e_s47_completed_by_worker_id.as_ref(),
                ),
            ));
            out.push(row);
        }

        out
    };
    // List 6: children in need in the six months (one row per child: the latest referral that
    // led to more than a referral).
    let list6 = || {
        let mut out = Vec::new();
        let mut latest: HashMap<&str, &CinEpisode> = HashMap::new();
        for f in t.cin_episodes.iter().filter(|f| {
            !f.cine_referral_nfa.is_yes()
                && live_since(f.cine_referral_date, f.cine_close_date, six)
        }) {
            let e = latest.entry(f.cine_person_id.as_str()).or_insert(f);
            if f.cine_referral_date > e.cine_referral_date {
                *e = f;
            }
        }
        let mut cin: Vec<&CinEpisode> = latest.into_values().collect();
        cin.sort_by(|a, b| {
            (a.cine_referral_date, a.cine_person_id.as_str())
                .cmp(&(b.cine_referral_date, b.cine_person_id.as_str()))
        });
        for f in cin {
            let pid = f.cine_person_id.as_str();
            let mut row = common(pid);
            row.push(disabled(pid));
            row.push(f.cine_referral_date.into());
            row.push(
                f.cine_cin_primary_need_code
                    .map(|n| cell(&cc::NEED, n))
                    .unwrap_or_else(|| cc::NEED.cell("N0").unwrap_or_default().to_string())
                    .into(),
            );
            let seen = rows(&cin_visits, pid)
                .filter(|v| v.cinv_cin_visit_seen.is_some_and(|s| s.is_yes()))
                .map(|v| v.cinv_cin_visit_date)
                .chain(
                    rows(&cp_visits_by_child, pid)
                        .filter(|v| v.cppv_cp_visit_seen.is_some_and(|s| s.is_yes()))
                        .map(|v| v.cppv_cp_visit_date),
                )
                .chain(
                    rows(&cla_visits, pid)
                        .filter(|v| v.clav_cla_visit_seen.is_some_and(|s| s.is_yes()))
                        .map(|v| v.clav_cla_visit_date),
                )
                .filter(|&d| d <= r)
                .max();
            row.push(seen.into());
            let closed = upto(f.cine_close_date);
            row.push(closed.into());
            row.push(
                closed
                    .and(f.cine_close_reason)
                    .map(|c| cell(&cc::CLOSURE, c))
                    .into(),
            );
            let open_on_r = |s: Date, e: Option<Date>| s <= r && upto(e).is_none();
            let status = if closed.is_some() {
                "CLOSED"
            } else if in_care_on(pid, r) {
                "CLA"
            } else if rows(&cp_plans, pid)
                .any(|p| open_on_r(p.cppl_cp_plan_start_date, p.cppl_cp_plan_end_date))
            {
                "CP"
            } else if rows(&cin_plans, pid)
                .any(|p| open_on_r(p.cinp_cin_plan_start_date, p.cinp_cin_plan_end_date))
            {
                "CIN"
            } else if rows(&assessments, f.cine_referral_id.as_str())
                .any(|a| open_on_r(a.cina_assessment_start_date, a.cina_assessment_auth_date))
            {
                "ASSESSMENT"
            } else {
                "CIN"
            };
            row.push(
                cc::CASE_STATUS
                    .cell(status)
                    .unwrap_or_default()
                    .to_string()
                    .into(),
            );
            row.extend(allocated(
                pid,
                (
                    f.cine_referral_team.as_ref(),
                    f.cine_referral_worker_id.as_ref(),
                ),
            ));
            out.push(row);
        }
        out
    };
    // List 7: child protection plans open on R or ended in the six months, not another LA's.
    let list7 = || {
        let mut out = Vec::new();
        for p in t.cp_plans.iter().filter(|p| {
            !p.cppl_cp_plan_ola.is_yes()
                && live_since(p.cppl_cp_plan_start_date, p.cppl_cp_plan_end_date, six)
        }) {
            let pid = p.cppl_person_id.as_str();
            let plan = p.cppl_cp_plan_id.as_str();
            let mut row = common(pid);
            row.push(disabled(pid));
            row.push(p.cppl_cp_plan_start_date.into());
            row.push(cell(&cc::ABUSE, p.cppl_cp_plan_initial_category).into());
            row.push(cell(&cc::ABUSE, p.cppl_cp_plan_latest_category).into());
            let visit = rows(&cp_visits, plan)
                .filter(|v| v.cppv_cp_visit_date <= r)
                .max_by_key(|v| v.cppv_cp_visit_date);
            row.push(visit.map(|v| v.cppv_cp_visit_date).into());
            row.push(
                visit
                    .map(|v| {
                        v.cppv_cp_visit_seen_alone
                            .map_or(cc::YES_NO.cells[2].1.to_string(), yes_no_of)
                    })
                    .into(),
            );
            row.push(
                rows(&cp_reviews, plan)
                    .filter_map(|v| upto(v.cppr_cp_review_date))
                    .max()
                    .into(),
            );
            row.push(upto(p.cppl_cp_plan_end_date).into());
            let protected = rows(&statuses, pid).any(|s| {
                matches!(s.lega_legal_status, LegalStatus::L1 | LegalStatus::L2)
                    && s.lega_legal_status_start_date <= r
                    && s.lega_legal_status_end_date.is_none_or(|e| e >= six)
            });
            row.push(yes_no(protected).into());
            let previous = p.cppl_cp_plan_previous_plans.unwrap_or_else(|| {
                rows(&cp_plans, pid)
                    .filter(|q| q.cppl_cp_plan_start_date < p.cppl_cp_plan_start_date)
                    .count() as i64
            });
            row.push(Cell::Int(previous));
            row.extend(allocated(pid, (None, None)));
            out.push(row);
        }
        out
    };
    // List 8: children in care on R, or who ceased to be in the six months (one row per child,
    // from the latest episode that had started by R).
    let list8 = || {
        let mut out = Vec::new();
        let mut cla: Vec<&ClaEpisode> = vec![];
        for (pid, eps) in &episodes {
            let Some(e) = eps
                .iter()
                .filter(|e| e.clae_cla_episode_start_date <= r)
                .max_by_key(|e| e.clae_cla_episode_start_date)
            else {
                continue;
            };
            let short_break = legal_status_on(&statuses, pid, e.clae_cla_episode_start_date)
                .is_some_and(|s| s.is_short_break());
            if !short_break
                && live_since(
                    e.clae_cla_episode_start_date,
                    e.clae_cla_episode_ceased_date,
                    six,
                )
            {
                cla.push(e);
            }
        }
        cla.sort_by(|a, b| {
            (a.clae_entered_care_date, a.clae_person_id.as_str())
                .cmp(&(b.clae_entered_care_date, b.clae_person_id.as_str()))
        });
        for e in cla {
            let pid = e.clae_person_id.as_str();
            let mut row = common(pid);
            let uasc = rows(&immigration, pid).any(|i| {
                i.immi_immigration_status.eq_ignore_ascii_case("UASC")
                    && i.immi_immigration_status_start_date.is_none_or(|s| s <= r)
                    && i.immi_immigration_status_end_date
                        .is_none_or(|x| x >= twelve)
            });
            row.push(yes_no(uasc).into());
            row.push(disabled(pid));
            row.push(e.clae_entered_care_date.into());
            row.push(cell(&cc::NEED, e.clae_cla_primary_need_code).into());
            let periods: HashSet<&str> = rows(&episodes, pid)
                .filter(|x| {
                    live_since(
                        x.clae_cla_episode_start_date,
                        x.clae_cla_episode_ceased_date,
                        twelve,
                    )
                })
                .map(|x| x.clae_cla_id.as_str())
                .collect();
            row.push(yes_no(periods.len() > 1).into());
            let status = rows(&statuses, pid)
                .filter(|s| s.lega_legal_status_start_date <= r)
                .max_by_key(|s| s.lega_legal_status_start_date);
            row.push(status.map(|s| s.lega_legal_status_start_date).into());
            row.push(
                status
                    .map(|s| cell(&cc::LEGAL_STATUS, s.lega_legal_status))
                    .into(),
            );
            let period_ids: HashSet<&str> = rows(&episodes, pid)
                .map(|x| x.clae_cla_id.as_str())
                .collect();
            row.push(
                period_ids
                    .iter()
                    .flat_map(|c| rows(&reviews, c))
                    .filter(|v| v.clar_cla_review_cancelled.is_none_or(|c| !c.is_yes()))
                    .filter_map(|v| upto(v.clar_cla_review_date))
                    .max()
                    .into(),
            );
            row.push(
                rows(&cla_visits, pid)
                    .map(|v| v.clav_cla_visit_date)
                    .filter(|&d| d <= r)
                    .max()
                    .into(),
            );
            row.push(
                rows(&care_plans, pid)
                    .filter(|p| p.lacp_cla_care_plan_start_date <= r)
                    .max_by_key(|p| p.lacp_cla_care_plan_start_date)
                    .map(|p| {
                        cell(
                            &cc::PERMANENCE_PLAN,
                            p.lacp_cla_care_plan_json.0.permanence_plan,
                        )
                    })
                    .into(),
            );
            row.push(upto(e.clae_cla_last_iro_contact_date).into());
            let check = |kind: HealthCheckType| -> Cell {
                rows(&health, pid)
                    .filter(|h| h.clah_health_check_type == kind)
                    .map(|h| h.clah_health_check_date)
                    .filter(|&d| d <= r)
                    .max()
                    .into()
            };
            row.push(check(HealthCheckType::HealthAssessment));
            row.push(check(HealthCheckType::DentalCheck));
            let placed = rows(&placements_by_child, pid)
                .filter(|p| {
                    live_since(
                        p.clap_cla_placement_start_date,
                        p.clap_cla_placement_end_date,
                        twelve,
                    )
                })
                .count();
            row.push(Cell::Int(placed as i64));
            let ceased = upto(e.clae_cla_episode_ceased_date);
            row.push(ceased.into());
            row.push(
                ceased
                    .and(e.clae_cla_episode_ceased_reason)
                    .map(|c| cell(&cc::REASON_CEASED, c))
                    .into(),
            );
            let placement = placements.get(e.clae_cla_placement_id.as_str()).copied();
            row.push(placement.map(|p| p.clap_cla_placement_start_date).into());
            row.push(
                placement
                    .map(|p| cell(&cc::PLACEMENT_TYPE, p.clap_cla_placement_type))
                    .into(),
            );
            row.push(
                placement
                    .and_then(|p| p.clap_cla_placement_provider)
                    .map(|p| cell(&cc::PROVIDER, p))
                    .into(),
            );
            row.push(
                placement
                    .and_then(|p| p.clap_cla_placement_postcode.clone())
                    .into(),
            );
            row.push(
                placement
                    .and_then(|p| p.clap_cla_placement_urn.clone())
                    .into(),
            );
            let inside = placement
                .and_then(|p| p.clap_cla_placement_distance)
                .map(|d| d <= opts.in_area_miles);
            row.push(
                inside
                    .map(|i| cc::LOCATION.cells[if i { 0 } else { 1 }].1.to_string())
                    .into(),
            );
            row.push(
                inside
                    .map(|i| {
                        if i {
                            model.la.la_name.clone()
                        } else {
                            "Other LA".to_string()
                        }
                    })
                    .into(),
            );
            let recent: Vec<&MissingEpisode> = rows(&missing, pid)
                .filter(|m| {
                    m.miss_missing_episode_start_date >= twelve
                        && m.miss_missing_episode_start_date <= r
                })
                .collect();
            let of = |k: MissingType| {
                recent
                    .iter()
                    .filter(|m| m.miss_missing_episode_type == k)
                    .count()
            };
            row.push(Cell::Int(of(MissingType::Missing) as i64));
            row.push(Cell::Int(of(MissingType::Away) as i64));
            let last = recent
                .iter()
                .filter(|m| m.miss_missing_episode_type == MissingType::Missing)
                .max_by_key(|m| m.miss_missing_episode_start_date);
            let rhi = |v: Option<YesNo>| v.map_or(cc::YES_NO.cells[2].1.to_string(), yes_no_of);
            row.push(last.map(|m| rhi(m.miss_missing_rhi_offered)).into());
            row.push(last.map(|m| rhi(m.miss_missing_rhi_accepted)).into());
            row.extend(allocated(pid, (None, None)));
            out.push(row);
        }
        out
    };
    // List 9: care leavers on R (16 to 25), from their latest contact record by then.
    let list9 = || {
        let mut out = Vec::new();
        let mut leaver_rows: Vec<&CareLeaver> = leavers
            .values()
            .filter_map(|v| {
                v.iter()
                    .filter(|c| c.clea_care_leaver_latest_contact <= r)
                    .max_by_key(|c| c.clea_care_leaver_latest_contact)
                    .copied()
            })
            .filter(|c| {
                let pid = c.clea_person_id.as_str();
                let age_ok = people
                    .get(pid)
                    .and_then(|p| p.pers_dob)
                    .is_some_and(|dob| (16..=25).contains(&age_in_years(dob.0, r.0)));
                // Still looked after only as an eligible child (16 or 17, in care).
                let eligible = c.clea_care_leaver_eligibility == CareLeaverEligibility::Eligible;
                age_ok && (eligible || !in_care_on(pid, r))
            })
            .collect();
        leaver_rows.sort_by(|a, b| a.clea_person_id.as_str().cmp(b.clea_person_id.as_str()));
        for c in leaver_rows {
            let pid = c.clea_person_id.as_str();
            let mut row = common(pid);
            let uasc = rows(&immigration, pid)
                .any(|i| i.immi_immigration_status.eq_ignore_ascii_case("UASC"));
            row.push(yes_no(uasc).into());
            row.push(disabled(pid));
            let [team, worker] = allocated(
                pid,
                (
                    c.clea_care_leaver_allocated_team.as_ref(),
                    c.clea_care_leaver_worker_id.as_ref(),
                ),
            );
            row.push(team);
            row.push(worker);
            row.push(c.clea_care_leaver_personal_advisor.clone().into());
            row.push(cell(&cc::ELIGIBILITY, c.clea_care_leaver_eligibility).into());
            row.push(upto(c.clea_pathway_plan_review_date).into());
            row.push(cell(&cc::IN_TOUCH, c.clea_care_leaver_in_touch).into());
            row.push(
                (c.clea_care_leaver_in_touch == InTouch::Yes)
                    .then_some(c.clea_care_leaver_latest_contact)
                    .into(),
            );
            row.push(
                c.clea_care_leaver_accommodation
                    .map(|a| cell(&cc::ACCOMMODATION, a))
                    .into(),
            );
            row.push(
                c.clea_care_leaver_accom_suitable
                    .map(|a| cell(&cc::SUITABILITY, a))
                    .into(),
            );
            row.push(
                c.clea_care_leaver_activity
                    .filter(|a| a.code() != "0")
                    .map(|a| cell(&cc::ACTIVITY, a))
                    .into(),
            );
            out.push(row);
        }
        out
    };
    // List 10: adopted in the twelve months, decided and not yet adopted, or decision reversed
    // in the twelve months.
    let list10 = || {
        let mut out = Vec::new();
        for p in t.permanence.iter().filter(|p| {
            if upto(p.perm_adm_decision_date).is_none() {
                return false;
            }
            let adopted = upto(p.perm_permanence_order_date)
                .filter(|_| p.perm_permanence_order_type == Some(PermanenceOrderType::Adoption));
            let reversed = upto(p.perm_decision_reversed_date);
            match (adopted, reversed) {
                (Some(a), _) => a >= twelve,
                (None, Some(x)) => x >= twelve,
                (None, None) => true,
            }
        }) {
            let pid = p.perm_person_id.as_str();
            let c = common(pid);
            let mut row = vec![c[0].clone(), p.perm_adoptive_family_id.clone().into()];
            row.extend(c.into_iter().skip(1));
            row.push(disabled(pid));
            row.push(
                p.perm_cla_id
                    .as_ref()
                    .and_then(|id| entered_care.get(id.as_str()).copied())
                    .into(),
            );
            row.push(upto(p.perm_adm_decision_date).into());
            row.push(upto(p.perm_placement_order_date).into());
            row.push(upto(p.perm_matched_date).into());
            row.push(upto(p.perm_placed_for_adoption_date).into());
            row.push(
                upto(p.perm_permanence_order_date)
                    .filter(|_| p.perm_permanence_order_type == Some(PermanenceOrderType::Adoption))
                    .into(),
            );
            let reversed = upto(p.perm_decision_reversed_date);
            row.push(reversed.into());
            row.push(
                reversed
                    .and(p.perm_decision_reversed_reason)
                    .map(|x| cell(&cc::NO_LONGER_PLACED, x))
                    .into(),
            );
            row.push(upto(p.perm_placed_ffa_cp_date).into());
            out.push(row);
        }
        out
    };
    // List 11: adopters in contact with the agency in the twelve months: any of their dates
    // in the window, or still in the process on R.
    let list11 = || {
        let mut out = Vec::new();
        for x in t.adopters.iter().filter(|x| x.adop_enquiry_date <= r) {
            let dates = [
                Some(x.adop_enquiry_date),
                x.adop_stage1_start_date,
                x.adop_stage1_end_date,
                x.adop_stage2_start_date,
                x.adop_stage2_end_date,
                x.adop_application_date,
                x.adop_approval_date,
                x.adop_matched_date,
                x.adop_placed_date,
                x.adop_adoption_order_date,
                x.adop_left_process_date,
            ];
            let recent = dates.iter().any(|&v| upto(v).is_some_and(|v| v >= twelve));
            let ongoing = upto(x.adop_left_process_date).is_none()
                && upto(x.adop_adoption_order_date).is_none();
            if !recent && !ongoing {
                continue;
            }
            let left = upto(x.adop_left_process_date);
            let row: Vec<Cell> = vec![
                Cell::Text(x.adop_adopter_id.as_str().to_string()),
                Cell::Text(x.adop_family_id.clone()),
                cell(&cc::GENDER, x.adop_sex).into(),
                cell(&cc::ETHNICITY, x.adop_ethnicity).into(),
                yes_no_of(x.adop_disability).into(),
                yes_no_of(x.adop_fostering_for_adoption).into(),
                x.adop_enquiry_date.into(),
                upto(x.adop_stage1_start_date).into(),
                upto(x.adop_stage1_end_date).into(),
                upto(x.adop_stage2_start_date).into(),
                upto(x.adop_stage2_end_date).into(),
                upto(x.adop_application_date).into(),
                upto(x.adop_approval_date).into(),
                upto(x.adop_matched_date).into(),
                upto(x.adop_placed_date).into(),
                upto(x.adop_placed_date)
                    .and(x.adop_children_placed)
                    .map_or(Cell::Empty, Cell::Int),
                upto(x.adop_adoption_order_date).into(),
                left.into(),
                left.and(x.adop_left_process_reason)
                    .map(|v| cell(&cc::LEAVING_REASON, v))
                    .into(),
            ];
            out.push(row);
        }
        out
    };

    // The eleven lists are independent: built on all cores.
    let builders: [&(dyn Fn() -> Vec<Vec<Cell>> + Sync); 11] = [
        &list1, &list2, &list3, &list4, &list5, &list6, &list7, &list8, &list9, &list10, &list11,
    ];
    let lists: Vec<Vec<Vec<Cell>>> = builders.par_iter().map(|build| build()).collect();

    for (list, def) in lists.iter().zip(LISTS.iter()) {
        debug_assert!(
            list.iter().all(|r| r.len() == def.headers.len()),
            "list {}",
            def.number
        );
    }
    AnnexA { as_at: r, lists }
}

/// Completed years at `r`; blank for an unknown or future date of birth.
fn age_cell(dob: Option<Date>, r: Date) -> Cell {
    match dob {
        Some(d) if d <= r => Cell::Int(age_in_years(d.0, r.0) as i64),
        _ => Cell::Empty,
    }
}

/// The legal status in force on `d`.
fn legal_status_on(
    statuses: &hashbrown::HashMap<&str, Vec<&LegalStatusRecord>>,
    pid: &str,
    d: Date,
) -> Option<LegalStatus> {
    rows(statuses, pid)
        .filter(|s| s.lega_legal_status_start_date <= d)
        .max_by_key(|s| s.lega_legal_status_start_date)
        .map(|s| s.lega_legal_status)
}
