//! Maps SSDA903 returns into case-model tables, for councils that hold only their returns.
//!
//! Episodes become placements, legal statuses and care episodes: a placement runs across
//! episodes that change only the legal status (RNE `L`), a legal status across episodes that
//! change only the placement, and a period of care starts at each RNE `S`. Each table then maps
//! to the SSD table that holds it, dated so that deriving the return again gives the same rows
//! (OC2 items, for instance, become health, SDQ and conviction records dated 31 March). What the
//! return does not carry stays blank. Deprivation of liberty orders have no place in the case
//! model yet and are not held.

use std::collections::HashMap;

use model::codes::*;
use model::tables::*;
use model::{Date, Id, LaInfo, Tables};

use super::*;

/// A period of care: its id, start and end (blank while open).
type PeriodSpan = (PeriodOfCareId, Date, Option<Date>);

struct Ids(u64);

impl Ids {
    fn make<T>(&mut self, prefix: &str) -> Id<T> {
        self.0 += 1;
        Id::new(format!("{prefix}{}", self.0)).expect("short generated id")
    }
}

/// Combines last year's return with this year's: where both hold the same episode (same child
/// and start date) or the same header, this year's version wins; other rows are kept once.
/// Last year's OC2 and OC3 are not carried: they describe last year's cohorts.
pub fn merge(previous: Return903, current: Return903) -> Return903 {
    fn union<R: Row + PartialEq + Clone>(
        prev: Vec<R>,
        cur: Vec<R>,
        key: impl Fn(&R) -> String,
    ) -> Vec<R> {
        let keys: std::collections::HashSet<String> = cur.iter().map(&key).collect();
        let mut out: Vec<R> = prev
            .into_iter()
            .filter(|r| !keys.contains(&key(r)))
            .collect();
        out.extend(cur);
        out
    }
    let full = |cells: Vec<String>| cells.join("\u{1f}");
    let y = current.year;
    // This year's social worker episodes are a child's whole chain for the year, so an episode
    // open at last year's end that this year does not carry has ended since: it is dropped
    // rather than kept open (its end date is not known).
    let with_chain: std::collections::HashSet<String> = current
        .sw_episodes
        .iter()
        .map(|r| r.child.clone())
        .collect();
    let previous_sw: Vec<SwEpisodeRow> = previous
        .sw_episodes
        .into_iter()
        .filter(|r| r.sw_dec.is_some() || !with_chain.contains(&r.child))
        .collect();
    Return903 {
        year: y,
        header: union(previous.header, current.header, |r| r.child.clone()),
        episodes: union(previous.episodes, current.episodes, |r| {
            format!("{}\u{1f}{}", r.child, r.decom)
        }),
        reviews: union(previous.reviews, current.reviews, |r| full(r.cells(y))),
        uasc: union(previous.uasc, current.uasc, |r| r.child.clone()),
        oc2: current.oc2,
        // OC2 and OC3 describe the year at hand; last year's are about a different cohort.
        oc3: current.oc3,
        ad1: union(previous.ad1, current.ad1, |r| r.child.clone()),
        placed_adoption: union(previous.placed_adoption, current.placed_adoption, |r| {
            format!("{}\u{1f}{}", r.child, r.date_placed)
        }),
        prev_perm: union(previous.prev_perm, current.prev_perm, |r| r.child.clone()),
        missing: union(previous.missing, current.missing, |r| {
            format!("{}\u{1f}{}", r.child, r.mis_start)
        }),
        sw_episodes: union(previous_sw, current.sw_episodes, |r| {
            format!("{}\u{1f}{}\u{1f}{}", r.child, r.sw_id, r.sw_decom)
        }),
        // A DoLO open at last year's end comes again this year, with its end if it has one.
        dolo: union(previous.dolo, current.dolo, |r| {
            format!("{}\u{1f}{}", r.child, r.dolo_start)
        }),
    }
}

fn id_of<T>(child: &str, file: &str, table: &str) -> Result<Id<T>, ReadError> {
    Id::new(child).map_err(|e| ReadError {
        column: Some("CHILD".into()),
        value: Some(child.to_string()),
        ..ReadError::file(file, format!("a usable child id in {table} ({e})"))
    })
}

/// The case-model tables a return describes. `la_code` is the DfE LA number (the CSV files do
/// not carry it); `file` names the return in errors.
pub fn into_tables(
    ret: &Return903,
    la_code: &str,
    file: &str,
) -> Result<(Tables, LaInfo), ReadError> {
    let year = ret.year;
    let end = year.end();
    let mut t = Tables::default();
    let mut ids = Ids(0);
    let mut people: HashMap<&str, usize> = HashMap::new();
    for h in &ret.header {
        let pid: PersonId = id_of(&h.child, file, "Header")?;
        let (upn, unknown) = match &h.upn {
            Some(u) => match parse_code::<UpnUnknown>(u) {
                Ok(code) => (None, Some(code)),
                Err(_) => (Some(u.clone()), None),
            },
            None => (None, None),
        };
        if people.insert(h.child.as_str(), t.people.len()).is_some() {
            return Err(ReadError {
                column: Some("CHILD".into()),
                value: Some(h.child.clone()),
                ..ReadError::file(file, "one Header row per child")
            });
        }
        t.people.push(Person {
            pers_person_id: pid.clone(),
            pers_legacy_id: None,
            pers_forename: None,
            pers_surname: None,
            pers_sex: h.sex,
            pers_gender: None,
            pers_ethnicity: h.ethnic,
            pers_dob: Some(h.dob),
            pers_expected_dob: None,
            pers_death_date: None,
            pers_upn: upn,
            pers_upn_unknown: unknown,
            pers_common_child_id: None,
            pers_send_flag: None,
            pers_is_mother: h.mother.map(|f| YesNo::from_bool(f.0)),
            pers_nationality: None,
        });
    }
    // Every other table must be about a child in the Header.
    let check = |child: &str, table: &str| -> Result<PersonId, ReadError> {
        if !people.contains_key(child) {
            return Err(ReadError {
                column: Some("CHILD".into()),
                value: Some(child.to_string()),
                ..ReadError::file(
                    file,
                    format!("a child listed in the Header table ({table} row)"),
                )
            });
        }
        id_of(child, file, table)
    };
    // Mothers: the first child is known only by its date of birth, so it is held as a person
    // with nothing but that date.
    for h in &ret.header {
        if let Some(d) = h.mc_dob {
            let first: PersonId = ids.make("MC");
            t.people.push(Person {
                pers_person_id: first.clone(),
                pers_legacy_id: None,
                pers_forename: None,
                pers_surname: None,
                pers_sex: Sex::Unknown,
                pers_gender: None,
                pers_ethnicity: Ethnicity::Nobt,
                pers_dob: Some(d),
                pers_expected_dob: None,
                pers_death_date: None,
                pers_upn: None,
                pers_upn_unknown: None,
                pers_common_child_id: None,
                pers_send_flag: None,
                pers_is_mother: None,
                pers_nationality: None,
            });
            t.mothers.push(Mother {
                moth_table_id: ids.make("M"),
                moth_person_id: id_of(&h.child, file, "Header")?,
                moth_childs_person_id: first,
                moth_childs_dob: Some(d),
            });
        }
    }

    // Episodes, grouped by child in date order.
    let mut by_child: HashMap<&str, Vec<&EpisodeRow>> = HashMap::new();
    for e in &ret.episodes {
        check(&e.child, "Episodes")?;
        by_child.entry(e.child.as_str()).or_default().push(e);
    }
    // period of care id and its span, per child, for reviews and permanence
    let mut periods: HashMap<&str, Vec<PeriodSpan>> = HashMap::new();
    for h in &ret.header {
        let Some(eps) = by_child.get_mut(h.child.as_str()) else {
            continue;
        };
        eps.sort_by_key(|e| e.decom);
        let pid: PersonId = id_of(&h.child, file, "Episodes")?;
        let mut period: Option<(PeriodOfCareId, Date)> = None;
        let mut placement: Option<usize> = None;
        let mut status: Option<usize> = None;
        let mut address: Option<usize> = None;
        let mut prev: Option<&EpisodeRow> = None;
        for e in eps.iter() {
            let contiguous = prev.is_some_and(|p| p.dec == Some(e.decom));
            let new_period = period.is_none() || e.rne == ReasonNewEpisode::S || !contiguous;
            if new_period {
                let cla: PeriodOfCareId = ids.make("C");
                periods
                    .entry(h.child.as_str())
                    .or_default()
                    .push((cla.clone(), e.decom, e.dec));
                period = Some((cla, e.decom));
                placement = None;
                status = None;
            }
            let (cla, entered) = period.clone().expect("set above");
            if let Some(last) = periods.get_mut(h.child.as_str()).and_then(|v| v.last_mut()) {
                last.2 = e.dec;
            }
            // Same placement when only the legal status changed.
            let same_place = !new_period
                && e.rne == ReasonNewEpisode::L
                && placement.is_some_and(|i| {
                    let p: &Placement = &t.placements[i];
                    p.clap_cla_placement_type == e.place
                        && p.clap_cla_placement_provider == e.place_provider
                        && p.clap_cla_placement_urn == e.urn
                        && p.clap_cla_placement_postcode == e.pl_post
                });
            match placement.filter(|_| same_place) {
                Some(i) => {
                    let p = &mut t.placements[i];
                    p.clap_cla_placement_end_date = e.dec;
                    p.clap_cla_placement_change_reason = e.reason_place_change;
                }
                None => {
                    t.placements.push(Placement {
                        clap_cla_placement_id: ids.make("Z"),
                        clap_cla_id: cla.clone(),
                        clap_person_id: pid.clone(),
                        clap_cla_placement_start_date: e.decom,
                        clap_cla_placement_type: e.place,
                        clap_cla_placement_urn: e.urn.clone(),
                        clap_cla_placement_distance: None,
                        clap_cla_placement_provider: e.place_provider,
                        clap_cla_placement_postcode: e.pl_post.clone(),
                        clap_cla_placement_end_date: e.dec,
                        clap_cla_placement_change_reason: e.reason_place_change,
                    });
                    placement = Some(t.placements.len() - 1);
                }
            }
            match status.filter(|&i| t.legal_statuses[i].lega_legal_status == e.ls) {
                Some(i) => t.legal_statuses[i].lega_legal_status_end_date = e.dec,
                None => {
                    t.legal_statuses.push(LegalStatusRecord {
                        lega_legal_status_id: ids.make("G"),
                        lega_person_id: pid.clone(),
                        lega_legal_status: e.ls,
                        lega_legal_status_start_date: e.decom,
                        lega_legal_status_end_date: e.dec,
                    });
                    status = Some(t.legal_statuses.len() - 1);
                }
            }
            match address.filter(|&i| t.addresses[i].addr_address_postcode == e.home_post) {
                Some(i) => t.addresses[i].addr_address_end_date = e.dec,
                None => {
                    if e.home_post.is_some() {
                        t.addresses.push(Address {
                            addr_table_id: ids.make("H"),
                            addr_person_id: pid.clone(),
                            addr_address_type: Some("Home".into()),
                            addr_address_start_date: Some(e.decom),
                            addr_address_end_date: e.dec,
                            addr_address_postcode: e.home_post.clone(),
                            addr_address_json: None,
                        });
                        address = Some(t.addresses.len() - 1);
                    } else {
                        address = None;
                    }
                }
            }
            let placement_id = t.placements[placement.expect("set above")]
                .clap_cla_placement_id
                .clone();
            t.cla_episodes.push(ClaEpisode {
                clae_cla_episode_id: ids.make("E"),
                clae_person_id: pid.clone(),
                clae_cla_episode_start_date: e.decom,
                clae_cla_episode_start_reason: e.rne,
                clae_cla_primary_need_code: e.cin,
                clae_cla_episode_ceased_date: e.dec,
                clae_cla_episode_ceased_reason: e.rec,
                clae_cla_id: cla,
                clae_referral_id: None,
                clae_cla_placement_id: placement_id,
                clae_entered_care_date: entered,
                clae_cla_last_iro_contact_date: None,
            });
            prev = Some(e);
        }
    }
    let period_on = |child: &str, d: Date| -> Option<PeriodOfCareId> {
        let ps = periods.get(child)?;
        ps.iter()
            .find(|(_, s, e)| *s <= d && e.is_none_or(|e| e >= d))
            .or_else(|| ps.iter().rev().find(|(_, s, _)| *s <= d))
            .or(ps.first())
            .map(|(c, _, _)| c.clone())
    };

    for r in &ret.reviews {
        check(&r.child, "Reviews")?;
        let Some(cla) = period_on(&r.child, r.review) else {
            return Err(ReadError {
                column: Some("CHILD".into()),
                value: Some(r.child.clone()),
                ..ReadError::file(file, "an episode for a child with a review (Reviews row)")
            });
        };
        t.cla_reviews.push(ClaReview {
            clar_cla_review_id: ids.make("V"),
            clar_cla_id: cla,
            clar_cla_review_due_date: None,
            clar_cla_review_date: Some(r.review),
            clar_cla_review_cancelled: None,
            clar_cla_review_participation: r.review_code,
        });
    }
    for u in &ret.uasc {
        let pid = check(&u.child, "UASC")?;
        t.immigration_statuses.push(ImmigrationStatus {
            immi_immigration_status_id: ids.make("U"),
            immi_person_id: pid,
            immi_immigration_status: "UASC".into(),
            immi_immigration_status_start_date: None,
            immi_immigration_status_end_date: u.duc,
        });
    }
    for o in &ret.oc2 {
        let pid = check(&o.child, "OC2")?;
        let yes = |f: Option<Flag>| f.is_some_and(|f| f.0);
        if o.sdq_score.is_some() || o.sdq_reason.is_some() {
            t.sdq_scores.push(SdqScore {
                csdq_table_id: ids.make("Q"),
                csdq_person_id: pid.clone(),
                csdq_sdq_completed_date: end,
                csdq_sdq_score: o.sdq_score,
                csdq_sdq_reason: o.sdq_reason,
            });
        }
        if yes(o.convicted) {
            t.convictions.push(Conviction {
                clac_cla_conviction_id: ids.make("X"),
                clac_person_id: pid.clone(),
                clac_cla_conviction_date: end,
                clac_cla_conviction_offence: None,
            });
        }
        for (flag, kind) in [
            (o.health_assessment, HealthCheckType::HealthAssessment),
            (o.teeth_check, HealthCheckType::DentalCheck),
        ] {
            if yes(flag) {
                t.health_checks.push(HealthCheck {
                    clah_health_check_id: ids.make("K"),
                    clah_person_id: pid.clone(),
                    clah_health_check_type: kind,
                    clah_health_check_date: end,
                    clah_health_check_status: Some(HealthCheckStatus::Completed),
                });
            }
        }
        if let Some(f) = o.immunisations {
            t.immunisations.push(Immunisation {
                clai_table_id: ids.make("I"),
                clai_person_id: pid.clone(),
                clai_immunisations_status: YesNo::from_bool(f.0),
                clai_immunisations_status_date: end,
            });
        }
        if yes(o.substance_misuse) {
            t.substance_misuse.push(SubstanceMisuse {
                clas_substance_misuse_id: ids.make("S"),
                clas_person_id: pid.clone(),
                clas_substance_misuse_date: end,
                clas_substance_misused: None,
                clas_intervention_received: o.intervention_received.map(|f| YesNo::from_bool(f.0)),
            });
        }
    }
    for o in &ret.oc3 {
        let pid = check(&o.child, "OC3")?;
        let birthday = (17..=21)
            .map(|n| Date(model::calendar::add_years(o.dob.0, n)))
            .find(|&b| year.contains(b))
            .unwrap_or(end);
        let (accom, suitable) = match o.accom {
            Some(Accom::Known(a, s)) => (Some(a), Some(s)),
            _ => (None, None),
        };
        t.care_leavers.push(CareLeaver {
            clea_table_id: ids.make("L"),
            clea_person_id: pid,
            clea_care_leaver_eligibility: if model::calendar::age_in_years(o.dob.0, birthday.0) < 18
            {
                CareLeaverEligibility::Relevant
            } else {
                CareLeaverEligibility::FormerRelevant
            },
            clea_care_leaver_in_touch: o.in_touch,
            clea_care_leaver_latest_contact: birthday,
            clea_care_leaver_accommodation: accom,
            clea_care_leaver_accom_suitable: suitable,
            clea_care_leaver_activity: o.activ,
            clea_pathway_plan_review_date: None,
            clea_care_leaver_personal_advisor: None,
            clea_care_leaver_allocated_team: None,
            clea_care_leaver_worker_id: None,
        });
    }
    let blank_perm = |pid: PersonId, cla: Option<PeriodOfCareId>, id: Id<Permanence>| Permanence {
        perm_table_id: id,
        perm_person_id: pid,
        perm_cla_id: cla,
        perm_adm_decision_date: None,
        perm_ffa_cp_decision_date: None,
        perm_placement_order_date: None,
        perm_placed_for_adoption_date: None,
        perm_matched_date: None,
        perm_adopted_by_carer_flag: None,
        perm_placed_ffa_cp_date: None,
        perm_decision_reversed_date: None,
        perm_decision_reversed_reason: None,
        perm_placed_foster_carer_date: None,
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
        // The 903 carries no adoptive family identifier.
        perm_adoptive_family_id: None,
    };
    for r in &ret.placed_adoption {
        let pid = check(&r.child, "PlacedAdoption")?;
        let mut p = blank_perm(pid, period_on(&r.child, r.date_placed), ids.make("P"));
        p.perm_adm_decision_date = Some(r.date_placed);
        p.perm_decision_reversed_date = r.date_placed_ceased;
        p.perm_decision_reversed_reason = r.reason_placed_ceased;
        t.permanence.push(p);
    }
    for a in &ret.ad1 {
        let pid = check(&a.child, "AD1")?;
        let existing = t.permanence.iter().rposition(|p| {
            p.perm_person_id == pid
                && (a.date_int.is_none() || p.perm_adm_decision_date == a.date_int)
        });
        let i = match existing {
            Some(i) => i,
            None => {
                let cla = period_on(&a.child, a.date_int.unwrap_or(end));
                let mut p = blank_perm(pid, cla, ids.make("P"));
                p.perm_adm_decision_date = a.date_int;
                t.permanence.push(p);
                t.permanence.len() - 1
            }
        };
        let p = &mut t.permanence[i];
        p.perm_matched_date = a.date_match;
        p.perm_adopted_by_carer_flag = a.foster_care.map(|f| YesNo::from_bool(f.0));
        p.perm_number_of_adopters = a.nb_adoptr;
        p.perm_adopter_sex = a.sex_adoptr;
        p.perm_adopter_legal_status = a.ls_adoptr;
    }
    for r in &ret.prev_perm {
        let pid = check(&r.child, "PrevPerm")?;
        if let Some(option) = r.prev_perm {
            t.previous_permanence.push(PreviousPermanenceRecord {
                lapp_table_id: ids.make("R"),
                lapp_person_id: pid,
                lapp_previous_permanence_option: option,
                lapp_previous_permanence_la: r.la_perm.clone(),
                lapp_previous_permanence_order_date: r.date_perm.clone(),
            });
        }
    }
    for m in &ret.missing {
        let pid = check(&m.child, "Missing")?;
        t.missing_episodes.push(MissingEpisode {
            miss_table_id: ids.make("O"),
            miss_person_id: pid,
            miss_missing_episode_start_date: m.mis_start,
            miss_missing_episode_type: m.missing,
            miss_missing_episode_end_date: m.mis_end,
            miss_missing_rhi_offered: None,
            miss_missing_rhi_accepted: None,
        });
    }
    let mut workers: HashMap<&str, ProfessionalId> = HashMap::new();
    for s in &ret.sw_episodes {
        let pid = check(&s.child, "SWEpisodes")?;
        let prof = match workers.get(s.sw_id.as_str()) {
            Some(p) => p.clone(),
            None => {
                let id: ProfessionalId = ids.make("W");
                t.professionals.push(Professional {
                    prof_professional_id: id.clone(),
                    prof_staff_id: None,
                    prof_professional_name: None,
                    prof_social_worker_registration_no: Some(s.sw_id.clone()),
                    prof_professional_job_title: None,
                    prof_professional_caseload: None,
                    prof_professional_department: None,
                    prof_full_time_equivalency: None,
                    prof_agency_worker_flag: None,
                });
                workers.insert(s.sw_id.as_str(), id.clone());
                id
            }
        };
        t.involvements.push(Involvement {
            invo_involvements_id: ids.make("N"),
            invo_professional_id: Some(prof),
            invo_professional_role_id: None,
            invo_professional_team: None,
            invo_involvement_start_date: s.sw_decom,
            invo_involvement_end_date: s.sw_dec,
            invo_worker_change_reason: s.sw_reason,
            invo_person_id: pid,
            invo_referral_id: None,
        });
    }
    for d in &ret.dolo {
        let pid = check(&d.child, "DoLo")?;
        t.deprivations_of_liberty.push(DeprivationOfLiberty {
            dolo_table_id: ids.make("D"),
            dolo_person_id: pid,
            dolo_start_date: d.dolo_start,
            dolo_end_date: d.dolo_end,
        });
    }
    Ok((
        t,
        LaInfo {
            la_code: la_code.to_string(),
            la_name: format!("LA {la_code}"),
            child_population: 0,
            as_at: end,
        },
    ))
}
