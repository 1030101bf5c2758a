//! Builds the SSDA903 return for a collection year from the case model.
//!
//! The model already keeps looked-after episodes the DfE way (a new episode on each change of
//! legal status or placement, with its RNE and REC), so Episodes is a projection: legal status
//! from `ssd_legal_status` at the episode start, placement details from `ssd_cla_placement`,
//! home postcode from `ssd_address`. As for the CIN census, anything dated after 31 March has not
//! happened yet for the return and is left blank or out. Choices the guidance leaves open are
//! noted where they are made; `docs/returns.md` lists them all.

use model::codes::*;
use model::tables::*;
use model::{CaseModel, CollectionYear, Date};

use super::*;
use crate::group::{by_key, index, rows};

/// Whether a child was looked after continuously for the 12 months to 31 March, as the reference
/// validator decides it (`csc-data-spec.md` §3.5), from the child's episodes in the return.
pub fn continuously_looked_after(episodes: &[&EpisodeRow], year: CollectionYear) -> bool {
    let (start, end) = (year.start(), year.end());
    !episodes.is_empty()
        && !episodes.iter().any(|e| {
            (e.rne == ReasonNewEpisode::S && e.decom > start && e.decom <= end)
                || (e.dec.is_some_and(|d| d >= start && d < end)
                    && e.rec.is_some_and(|r| r != ReasonEpisodeCeased::X1))
                || e.ls.is_short_break()
        })
}

/// The SSDA903 return for `year`.
pub fn derive(model: &CaseModel, year: CollectionYear) -> Return903 {
    let t = &model.tables;
    let (start, end) = (year.start(), year.end());
    let by_end = |d: Option<Date>| d.filter(|&d| d <= end);
    let in_year = |d: Date| d >= start && d <= end;
    let overlaps = |from: Date, to: Option<Date>| from <= end && to.is_none_or(|e| e >= start);

    let episodes = index(&t.cla_episodes, |r| r.clae_person_id.as_str());
    let placements = by_key(&t.placements, |x| x.clap_cla_placement_id.as_str());
    let statuses = index(&t.legal_statuses, |r| r.lega_person_id.as_str());
    let addresses = index(&t.addresses, |r| r.addr_person_id.as_str());
    let reviews = index(&t.cla_reviews, |r| r.clar_cla_id.as_str());
    let immigration = index(&t.immigration_statuses, |r| r.immi_person_id.as_str());
    let sdqs = index(&t.sdq_scores, |r| r.csdq_person_id.as_str());
    let convictions = index(&t.convictions, |r| r.clac_person_id.as_str());
    let health = index(&t.health_checks, |r| r.clah_person_id.as_str());
    let immunisations = index(&t.immunisations, |r| r.clai_person_id.as_str());
    let substance = index(&t.substance_misuse, |r| r.clas_person_id.as_str());
    let leavers = index(&t.care_leavers, |r| r.clea_person_id.as_str());
    let permanence = index(&t.permanence, |r| r.perm_person_id.as_str());
    let prev_perm = index(&t.previous_permanence, |r| r.lapp_person_id.as_str());
    let missing = index(&t.missing_episodes, |r| r.miss_person_id.as_str());
    let dolos = index(&t.deprivations_of_liberty, |r| r.dolo_person_id.as_str());
    let involvements = index(&t.involvements, |r| r.invo_person_id.as_str());
    let mothers = index(&t.mothers, |r| r.moth_person_id.as_str());
    let professionals = by_key(&t.professionals, |x| x.prof_professional_id.as_str());

    let mut ret = Return903::empty(year);
    for p in &t.people {
        let pid = p.pers_person_id.as_str();
        let Some(dob) = p.pers_dob else { continue };
        let child = pid.to_string();
        let mut eps: Vec<&ClaEpisode> = rows(&episodes, pid)
            .filter(|e| {
                overlaps(
                    e.clae_cla_episode_start_date,
                    e.clae_cla_episode_ceased_date,
                )
            })
            .collect();
        eps.sort_by_key(|e| e.clae_cla_episode_start_date);
        let oc3 = oc3_row(p, dob, &leavers, rows(&episodes, pid).collect(), year);
        if eps.is_empty() && oc3.is_none() {
            continue;
        }
        let first_row = ret.episodes.len();
        for (i, e) in eps.iter().enumerate() {
            let placement = placements.get(e.clae_cla_placement_id.as_str()).copied();
            let decom = e.clae_cla_episode_start_date;
            let dec = by_end(e.clae_cla_episode_ceased_date);
            let rec = dec.and(e.clae_cla_episode_ceased_reason);
            // The reason for a placement change sits on the episode the old placement ends with.
            let next_moves = eps.get(i + 1).is_some_and(|n| {
                n.clae_cla_placement_id != e.clae_cla_placement_id
                    && Some(n.clae_cla_episode_start_date) == dec
            });
            let reason_place_change = if rec == Some(ReasonEpisodeCeased::X1) && next_moves {
                placement.and_then(|p| p.clap_cla_placement_change_reason)
            } else {
                None
            };
            let ls = rows(&statuses, pid)
                .filter(|s| s.lega_legal_status_start_date <= decom)
                .max_by_key(|s| s.lega_legal_status_start_date)
                .map(|s| s.lega_legal_status)
                .unwrap_or(LegalStatus::V2);
            let home_post = rows(&addresses, pid)
                .filter(|a| {
                    a.addr_address_start_date.is_none_or(|s| s <= decom)
                        && a.addr_address_end_date.is_none_or(|x| x >= decom)
                })
                .filter_map(|a| a.addr_address_postcode.clone())
                .last();
            ret.episodes.push(EpisodeRow {
                child: child.clone(),
                decom,
                rne: e.clae_cla_episode_start_reason,
                ls,
                cin: e.clae_cla_primary_need_code,
                place: placement.map_or(PlacementType::U6, |p| p.clap_cla_placement_type),
                place_provider: placement.and_then(|p| p.clap_cla_placement_provider),
                dec,
                rec,
                reason_place_change,
                home_post,
                pl_post: placement.and_then(|p| p.clap_cla_placement_postcode.clone()),
                urn: placement.and_then(|p| p.clap_cla_placement_urn.clone()),
            });
        }
        let child_eps: Vec<&EpisodeRow> = ret.episodes[first_row..].iter().collect();
        // MOTHER and MC_DOB describe the child at 31 March, or when she last left care in the
        // year: a baby born after that is not reported (rules 612 and 625).
        let as_of = match child_eps.last() {
            Some(e) => e.dec.unwrap_or(end),
            None => end,
        };
        let births: Vec<Date> = rows(&mothers, pid)
            .filter_map(|m| m.moth_childs_dob)
            .collect();
        let mc_dob = births.iter().copied().filter(|&b| b <= as_of).min();
        let is_mother = if births.is_empty() {
            p.pers_is_mother.map(|m| Flag(m.is_yes()))
        } else {
            Some(Flag(mc_dob.is_some()))
        };
        // Asked of girls looked after in the year only (rules 393, 607 and 628).
        let mother = if p.pers_sex == Sex::Male || eps.is_empty() {
            None
        } else {
            is_mother
        };
        ret.header.push(HeaderRow {
            child: child.clone(),
            sex: p.pers_sex,
            dob,
            ethnic: p.pers_ethnicity,
            upn: p
                .pers_upn
                .clone()
                .or_else(|| p.pers_upn_unknown.map(|u| u.code().to_string())),
            mother,
            mc_dob: mc_dob.filter(|_| mother.is_some()),
        });
        if let Some(row) = oc3 {
            ret.oc3.push(row);
        }
        if eps.is_empty() {
            continue;
        }
        // Reviews of every period of care the child was in during the year.
        let mut periods: Vec<&str> = eps.iter().map(|e| e.clae_cla_id.as_str()).collect();
        periods.dedup();
        let mut review_rows: Vec<ReviewRow> = periods
            .iter()
            .flat_map(|c| rows(&reviews, c))
            .filter(|r| r.clar_cla_review_cancelled != Some(YesNo::Yes))
            .filter_map(|r| {
                r.clar_cla_review_date
                    .map(|d| (d, r.clar_cla_review_participation))
            })
            .filter(|(d, _)| in_year(*d))
            .map(|(review, code)| ReviewRow {
                child: child.clone(),
                dob,
                review,
                review_code: code,
            })
            .collect();
        review_rows.sort_by_key(|r| r.review);
        ret.reviews.extend(review_rows);

        if let Some(u) = rows(&immigration, pid)
            .filter(|s| s.immi_immigration_status.eq_ignore_ascii_case("UASC"))
            .find(|s| {
                s.immi_immigration_status_start_date
                    .is_none_or(|d| d <= end)
                    && s.immi_immigration_status_end_date
                        .is_none_or(|d| d >= start)
            })
        {
            ret.uasc.push(UascRow {
                child: child.clone(),
                sex: p.pers_sex,
                dob,
                // The date UASC status ends (the 18th birthday) is reported even when it is
                // still to come (rule 205B compares it across years).
                duc: u.immi_immigration_status_end_date,
            });
        }

        if continuously_looked_after(&child_eps, year) {
            let age = model::calendar::age_in_years(dob.0, end.0);
            let sdq = rows(&sdqs, pid)
                .filter(|s| in_year(s.csdq_sdq_completed_date))
                .max_by_key(|s| s.csdq_sdq_completed_date);
            let completed = |kind: HealthCheckType| {
                rows(&health, pid).any(|h| {
                    h.clah_health_check_type == kind
                        && in_year(h.clah_health_check_date)
                        && h.clah_health_check_status == Some(HealthCheckStatus::Completed)
                })
            };
            let misuse: Vec<&SubstanceMisuse> = rows(&substance, pid)
                .filter(|s| in_year(s.clas_substance_misuse_date))
                .collect();
            let health_assessment = completed(HealthCheckType::HealthAssessment);
            let received = (!misuse.is_empty()).then(|| {
                misuse
                    .iter()
                    .any(|m| m.clas_intervention_received == Some(YesNo::Yes))
            });
            ret.oc2.push(Oc2Row {
                child: child.clone(),
                dob,
                sdq_score: sdq.and_then(|s| s.csdq_sdq_score),
                sdq_reason: sdq.and_then(|s| s.csdq_sdq_reason),
                // Not asked for children under the age of criminal responsibility (rule 542).
                convicted: (age >= 10).then(|| {
                    Flag(rows(&convictions, pid).any(|c| in_year(c.clac_cla_conviction_date)))
                }),
                // Developmental health checks apply to children under 5 only.
                health_check: (age < 5).then_some(Flag(health_assessment)),
                immunisations: Some(Flag(
                    rows(&immunisations, pid)
                        .filter(|i| i.clai_immunisations_status_date <= end)
                        .max_by_key(|i| i.clai_immunisations_status_date)
                        .is_some_and(|i| i.clai_immunisations_status.is_yes()),
                )),
                teeth_check: Some(Flag(completed(HealthCheckType::DentalCheck))),
                health_assessment: Some(Flag(health_assessment)),
                substance_misuse: Some(Flag(!misuse.is_empty())),
                intervention_received: received.map(Flag),
                // Asked only when no intervention was received (rule 158).
                intervention_offered: (received == Some(false)).then_some(Flag(true)),
            });
        }

        let adopted = eps.iter().any(|e| {
            e.clae_cla_episode_ceased_date.is_some_and(in_year)
                && e.clae_cla_episode_ceased_reason
                    .is_some_and(|r| r.is_adoption())
        });
        let perms: Vec<&Permanence> = rows(&permanence, pid)
            .filter(|r| {
                r.perm_cla_id
                    .as_ref()
                    .is_none_or(|c| periods.contains(&c.as_str()))
            })
            .collect();
        if adopted {
            let perm = perms.last();
            ret.ad1.push(Ad1Row {
                child: child.clone(),
                dob,
                date_int: perm.and_then(|r| by_end(r.perm_adm_decision_date)),
                date_match: perm.and_then(|r| by_end(r.perm_matched_date)),
                foster_care: perm
                    .and_then(|r| r.perm_adopted_by_carer_flag.map(|f| Flag(f.is_yes()))),
                nb_adoptr: perm.and_then(|r| r.perm_number_of_adopters),
                sex_adoptr: perm.and_then(|r| r.perm_adopter_sex),
                ls_adoptr: perm.and_then(|r| r.perm_adopter_legal_status),
            });
        }
        for r in &perms {
            let Some(decided) = r.perm_adm_decision_date else {
                continue;
            };
            let ceased = by_end(r.perm_decision_reversed_date);
            if !overlaps(decided, ceased) {
                continue;
            }
            ret.placed_adoption.push(PlacedAdoptionRow {
                child: child.clone(),
                dob,
                date_placed: decided,
                date_placed_ceased: ceased,
                reason_placed_ceased: ceased.and(r.perm_decision_reversed_reason),
            });
        }
        let started = eps.iter().any(|e| {
            e.clae_cla_episode_start_reason == ReasonNewEpisode::S
                && in_year(e.clae_cla_episode_start_date)
        });
        if started {
            if let Some(pp) = rows(&prev_perm, pid).last() {
                ret.prev_perm.push(PrevPermRow {
                    child: child.clone(),
                    dob,
                    prev_perm: Some(pp.lapp_previous_permanence_option),
                    la_perm: pp.lapp_previous_permanence_la.clone(),
                    date_perm: pp.lapp_previous_permanence_order_date.clone(),
                });
            }
        }
        let mut miss: Vec<MissingRow> = rows(&missing, pid)
            .filter(|m| {
                overlaps(
                    m.miss_missing_episode_start_date,
                    m.miss_missing_episode_end_date,
                )
            })
            .map(|m| MissingRow {
                child: child.clone(),
                dob,
                missing: m.miss_missing_episode_type,
                mis_start: m.miss_missing_episode_start_date,
                mis_end: by_end(m.miss_missing_episode_end_date),
            })
            .collect();
        miss.sort_by_key(|m| m.mis_start);
        ret.missing.extend(miss);

        // Social worker episodes are collected for children looked after on 31 March (not on a
        // short break; rule SW01), for the year, from when the current period of care began:
        // allocations that ended by then are left out, as rule SW12 requires every reported
        // episode to start on or after the care start (docs/returns.md explains the choice).
        let looked_after_at_end = child_eps
            .iter()
            .any(|e| e.dec.is_none() && !e.ls.is_short_break());
        let care_start = child_eps
            .iter()
            .filter(|e| e.rne == ReasonNewEpisode::S)
            .map(|e| e.decom)
            .max();
        let mut sw: Vec<SwEpisodeRow> = rows(&involvements, pid)
            .filter(|_| looked_after_at_end)
            .filter(|i| overlaps(i.invo_involvement_start_date, i.invo_involvement_end_date))
            .filter(|i| {
                i.invo_involvement_end_date
                    .is_none_or(|e| care_start.is_none_or(|c| e > c))
            })
            .filter_map(|i| {
                let prof = professionals.get(i.invo_professional_id.as_ref()?.as_str())?;
                let sw_id = prof.prof_social_worker_registration_no.clone()?;
                Some(SwEpisodeRow {
                    child: child.clone(),
                    dob,
                    sw_id,
                    sw_decom: i.invo_involvement_start_date,
                    sw_dec: by_end(i.invo_involvement_end_date),
                    sw_reason: i.invo_worker_change_reason,
                })
            })
            .collect();
        sw.sort_by_key(|s| s.sw_decom);
        ret.sw_episodes.extend(sw);

        // Deprivation of liberty orders in force in the year, collected from 2026-27.
        if year.year_ending() >= DoloRow::FROM_YEAR {
            let mut dolo: Vec<DoloRow> = rows(&dolos, pid)
                .filter(|d| overlaps(d.dolo_start_date, d.dolo_end_date))
                .map(|d| DoloRow {
                    child: child.clone(),
                    dob,
                    dolo_start: d.dolo_start_date,
                    dolo_end: by_end(d.dolo_end_date),
                })
                .collect();
            dolo.sort_by_key(|d| d.dolo_start);
            ret.dolo.extend(dolo);
        }
    }
    ret
}

/// The OC3 row for a care leaver whose 17th to 21st birthday falls in the year, from the
/// contact nearest that birthday (within three months before to one month after, the window
/// the DfE guidance gives for "around the birthday").
fn oc3_row(
    p: &Person,
    dob: Date,
    leavers: &hashbrown::HashMap<&str, Vec<&CareLeaver>>,
    episodes: Vec<&ClaEpisode>,
    year: CollectionYear,
) -> Option<Oc3Row> {
    let contacts = leavers.get(p.pers_person_id.as_str())?;
    let (age, birthday) = (17..=21)
        .map(|n| (n, Date(model::calendar::add_years(dob.0, n))))
        .find(|&(_, b)| year.contains(b))?;
    // At 17 and 18 only those who had already left care by the birthday are care leavers
    // (rules 1007 and 1016).
    let in_care_on_or_after = episodes.iter().any(|e| {
        e.clae_cla_episode_start_date <= year.end()
            && e.clae_cla_episode_ceased_date.is_none_or(|c| c >= birthday)
    });
    if age <= 18 && in_care_on_or_after {
        return None;
    }
    let window = |d: Date| d >= birthday.plus_days(-92) && d <= birthday.plus_days(31);
    let nearest = contacts
        .iter()
        .filter(|c| window(c.clea_care_leaver_latest_contact))
        .min_by_key(|c| birthday.days_until(c.clea_care_leaver_latest_contact).abs());
    Some(match nearest {
        Some(c) => Oc3Row {
            child: p.pers_person_id.as_str().to_string(),
            dob,
            in_touch: c.clea_care_leaver_in_touch,
            activ: c.clea_care_leaver_activity,
            accom: Some(
                match (
                    c.clea_care_leaver_accommodation,
                    c.clea_care_leaver_accom_suitable,
                ) {
                    (Some(a), Some(s)) => Accom::Known(a, s),
                    _ => Accom::NoInformation,
                },
            ),
        },
        // No contact around the birthday: the LA is not in touch.
        None => Oc3Row {
            child: p.pers_person_id.as_str().to_string(),
            dob,
            in_touch: InTouch::No,
            activ: Some(CareLeaverActivity::NoInfo),
            accom: Some(Accom::NoInformation),
        },
    })
}
