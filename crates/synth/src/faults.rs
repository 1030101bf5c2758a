//! Deliberate data-quality faults, of the kinds real extracts have, recorded so tests can check
//! that validation catches each one.
//!
//! Faults are made inside the typed model, so they are ones a case-management system can really
//! hold (a missing or out-of-order date, a code not valid for the year or the context, a
//! duplicate, an overlap). Values a typed model cannot hold at all (an unknown code, an
//! unparseable date) are rejected at import and are tested there.

use model::codes::*;
use model::{Date, Id, Table, Tables};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::Config;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    MissingDate,
    ImpossibleOrder,
    BadCode,
    Duplicate,
    Overlap,
}

/// One injected fault: which row of which table, which column, and what was done.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Fault {
    pub kind: FaultKind,
    pub table: &'static str,
    pub row_id: String,
    pub person_id: String,
    pub column: &'static str,
    pub detail: String,
}

/// Injects faults at `cfg.error_rate` per eligible row and kind; returns what was done.
pub fn inject(t: &mut Tables, cfg: &Config) -> Vec<Fault> {
    let rate = cfg.error_rate;
    if rate <= 0.0 {
        return vec![];
    }
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed ^ 0xFA_17);
    let mut faults = vec![];
    let hit = |rng: &mut ChaCha8Rng| rng.gen::<f64>() < rate;

    // Missing dates: an assessment with no completion date on a referral that was closed.
    let closed: std::collections::HashSet<String> = t
        .cin_episodes
        .iter()
        .filter(|e| e.cine_close_date.is_some())
        .map(|e| e.cine_referral_id.to_string())
        .collect();
    for a in t.assessments.iter_mut() {
        if a.cina_assessment_auth_date.is_some()
            && closed.contains(a.cina_referral_id.as_str())
            && hit(&mut rng)
        {
            a.cina_assessment_auth_date = None;
            faults.push(fault(
                FaultKind::MissingDate,
                model::tables::Assessment::NAME,
                a.cina_assessment_id.as_str(),
                a.cina_person_id.as_str(),
                "cina_assessment_auth_date",
                "completion date removed from an assessment on a closed referral",
            ));
        }
    }
    // Missing dates: a closure reason with no closure date.
    for e in t.cin_episodes.iter_mut() {
        if e.cine_close_date.is_some() && e.cine_referral_nfa == YesNo::No && hit(&mut rng) {
            e.cine_close_date = None;
            faults.push(fault(
                FaultKind::MissingDate,
                model::tables::CinEpisode::NAME,
                e.cine_referral_id.as_str(),
                e.cine_person_id.as_str(),
                "cine_close_date",
                "closure date removed; closure reason kept",
            ));
        }
    }
    // Impossible order: a CP plan that ends before it starts.
    for p in t.cp_plans.iter_mut() {
        if let Some(end) = p.cppl_cp_plan_end_date {
            if hit(&mut rng) {
                let start = p.cppl_cp_plan_start_date;
                p.cppl_cp_plan_end_date = Some(start.plus_days(-rng.gen_range(1..=30)));
                faults.push(fault(
                    FaultKind::ImpossibleOrder,
                    model::tables::CpPlan::NAME,
                    p.cppl_cp_plan_id.as_str(),
                    p.cppl_person_id.as_str(),
                    "cppl_cp_plan_end_date",
                    &format!("end moved from {end} to before the start {start}"),
                ));
            }
        }
    }
    // Impossible order: an assessment completed before it started.
    for a in t.assessments.iter_mut() {
        if let Some(done) = a.cina_assessment_auth_date {
            if done > a.cina_assessment_start_date && hit(&mut rng) {
                a.cina_assessment_auth_date = Some(
                    a.cina_assessment_start_date
                        .plus_days(-rng.gen_range(1..=10)),
                );
                faults.push(fault(
                    FaultKind::ImpossibleOrder,
                    model::tables::Assessment::NAME,
                    a.cina_assessment_id.as_str(),
                    a.cina_person_id.as_str(),
                    "cina_assessment_auth_date",
                    "completion date moved before the start date",
                ));
            }
        }
    }
    // Bad codes: a placement type withdrawn for the year it starts in (H5 from 2025-26, K3 before 2024-25).
    let cutoff = Date::ymd(2025, 4, 1);
    for p in t.placements.iter_mut() {
        let start = p.clap_cla_placement_start_date;
        if p.clap_cla_placement_type.needs_provider()
            && !p.clap_cla_placement_type.is_adoption()
            && hit(&mut rng)
        {
            let bad = if start >= cutoff {
                PlacementType::H5
            } else if start < Date::ymd(2024, 4, 1) {
                PlacementType::K3
            } else {
                continue;
            };
            let was = p.clap_cla_placement_type;
            p.clap_cla_placement_type = bad;
            faults.push(fault(
                FaultKind::BadCode,
                model::tables::Placement::NAME,
                p.clap_cla_placement_id.as_str(),
                p.clap_person_id.as_str(),
                "clap_cla_placement_type",
                &format!("{was} replaced by {bad}, not valid for a placement starting {start}"),
            ));
        }
    }
    // Bad codes: provider PR0 (parents) on a placement that is not with parents.
    for p in t.placements.iter_mut() {
        if p.clap_cla_placement_type.is_foster()
            && p.clap_cla_placement_provider.is_some()
            && hit(&mut rng)
        {
            p.clap_cla_placement_provider = Some(PlacementProvider::Pr0);
            faults.push(fault(
                FaultKind::BadCode,
                model::tables::Placement::NAME,
                p.clap_cla_placement_id.as_str(),
                p.clap_person_id.as_str(),
                "clap_cla_placement_provider",
                "PR0 (parents) on a foster placement",
            ));
        }
    }
    // Duplicates: the same referral recorded twice under a second id.
    let mut dups = vec![];
    for e in t.cin_episodes.iter() {
        if e.cine_close_date.is_some() && hit(&mut rng) {
            let mut d = e.clone();
            d.cine_referral_id = Id::new(format!("{}D", e.cine_referral_id)).expect("id");
            faults.push(fault(
                FaultKind::Duplicate,
                model::tables::CinEpisode::NAME,
                d.cine_referral_id.as_str(),
                d.cine_person_id.as_str(),
                "cine_referral_date",
                &format!("duplicate of referral {}", e.cine_referral_id),
            ));
            dups.push(d);
        }
    }
    t.cin_episodes.extend(dups);
    // Overlaps: a care episode that runs on past the start of the next one.
    let n = t.cla_episodes.len();
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (&t.cla_episodes[i], &t.cla_episodes[i + 1]);
        if a.clae_person_id == b.clae_person_id
            && a.clae_cla_episode_ceased_reason == Some(ReasonEpisodeCeased::X1)
            && hit(&mut rng)
        {
            let later = b
                .clae_cla_episode_start_date
                .plus_days(rng.gen_range(1..=20));
            let a = &mut t.cla_episodes[i];
            a.clae_cla_episode_ceased_date = Some(later);
            faults.push(fault(
                FaultKind::Overlap,
                model::tables::ClaEpisode::NAME,
                a.clae_cla_episode_id.as_str(),
                a.clae_person_id.as_str(),
                "clae_cla_episode_ceased_date",
                &format!("episode now ends {later}, after the next episode starts"),
            ));
        }
    }
    faults
}

fn fault(
    kind: FaultKind,
    table: &'static str,
    row: &str,
    person: &str,
    column: &'static str,
    detail: &str,
) -> Fault {
    Fault {
        kind,
        table,
        row_id: row.to_string(),
        person_id: person.to_string(),
        column,
        detail: detail.to_string(),
    }
}
