//! The generator's promises: deterministic, realistic for any seed, coherent, and its faults
//! are really in the data.

use model::{Date, Table};
use synth::{generate, Config, FaultKind, Summary};

fn config(seed: u64, population: u64) -> Config {
    Config::new(population, seed, Date::ymd(2026, 3, 31))
}

fn csv_bytes(model: &model::CaseModel) -> Vec<Vec<u8>> {
    struct W(Vec<Vec<u8>>);
    impl model::TableVisitor for W {
        fn visit<T: Table>(&mut self, rows: &[T]) {
            let mut buf = vec![];
            formats::ssd::write_table(rows, &mut buf).unwrap();
            self.0.push(buf);
        }
    }
    let mut w = W(vec![]);
    model.tables.visit(&mut w);
    w.0
}

#[test]
fn same_seed_same_bytes_different_seed_different_bytes() {
    let a = generate(&config(11, 8_000), &|_, _| {});
    let b = generate(&config(11, 8_000), &|_, _| {});
    let c = generate(&config(12, 8_000), &|_, _| {});
    assert_eq!(csv_bytes(&a.model), csv_bytes(&b.model));
    assert_ne!(csv_bytes(&a.model), csv_bytes(&c.model));
}

#[test]
fn rates_fall_in_englands_published_ranges_for_seeds_1_2_3() {
    for seed in [1, 2, 3] {
        let g = generate(&config(seed, 60_000), &|_, _| {});
        let s = Summary::of(&g.model);
        println!("seed {seed}\n{s}");
        assert!(s.all_ok(), "seed {seed} out of range:\n{s}");
    }
}

#[test]
fn clean_data_is_coherent() {
    let g = generate(&config(5, 20_000), &|_, _| {});
    let t = &g.model.tables;
    assert!(g.faults.is_empty());
    assert_eq!(t.check_integrity(), vec![]);
    let as_at = Date::ymd(2026, 3, 31);
    let referral: std::collections::HashMap<_, _> = t
        .cin_episodes
        .iter()
        .map(|e| (e.cine_referral_id.as_str(), e))
        .collect();
    for p in &t.cp_plans {
        let r = referral[p.cppl_referral_id.as_str()];
        assert!(
            p.cppl_cp_plan_start_date >= r.cine_referral_date,
            "plan before referral"
        );
        if let Some(e) = p.cppl_cp_plan_end_date {
            assert!(e >= p.cppl_cp_plan_start_date && e <= as_at);
        }
        if let Some(c) = r.cine_close_date {
            assert!(
                p.cppl_cp_plan_end_date.is_some_and(|e| e <= c),
                "plan outlives its referral: {p:?} {r:?}"
            );
        }
    }
    for a in &t.assessments {
        if let Some(d) = a.cina_assessment_auth_date {
            assert!(d >= a.cina_assessment_start_date);
        }
    }
    // Care episodes of a child never overlap and each starts when the previous one ends (X1).
    let mut eps: Vec<_> = t.cla_episodes.iter().collect();
    eps.sort_by_key(|e| (e.clae_person_id.as_str(), e.clae_cla_episode_start_date));
    for w in eps.windows(2) {
        if w[0].clae_person_id == w[1].clae_person_id {
            let end = w[0]
                .clae_cla_episode_ceased_date
                .expect("only the last episode is open");
            assert!(
                end <= w[1].clae_cla_episode_start_date,
                "overlapping episodes for {}",
                w[0].clae_person_id
            );
            if w[0].clae_cla_episode_ceased_reason == Some(model::codes::ReasonEpisodeCeased::X1) {
                assert_eq!(end, w[1].clae_cla_episode_start_date);
            }
        }
    }
    // Nothing happens after the extract date.
    assert!(t.contacts.iter().all(|c| c.cont_contact_date <= as_at));
    assert!(t.cp_visits.iter().all(|v| v.cppv_cp_visit_date <= as_at));
    // Every identifier looks synthetic.
    assert!(t
        .people
        .iter()
        .all(|p| p.pers_person_id.as_str().starts_with("SYN")));
    assert!(t.people.iter().all(|p| p
        .pers_common_child_id
        .as_deref()
        .is_none_or(|n| n.starts_with("999"))));
}

#[test]
fn injected_faults_are_in_the_data_and_listed() {
    let mut cfg = config(9, 20_000);
    cfg.error_rate = 0.02;
    let g = generate(&cfg, &|_, _| {});
    for kind in [
        FaultKind::MissingDate,
        FaultKind::ImpossibleOrder,
        FaultKind::BadCode,
        FaultKind::Duplicate,
        FaultKind::Overlap,
    ] {
        assert!(
            g.faults.iter().any(|f| f.kind == kind),
            "no {kind:?} fault injected"
        );
    }
    let t = &g.model.tables;
    for f in &g.faults {
        match (f.kind, f.table) {
            (FaultKind::ImpossibleOrder, "ssd_cp_plans") => {
                let p = t
                    .cp_plans
                    .iter()
                    .find(|p| p.cppl_cp_plan_id.as_str() == f.row_id)
                    .unwrap();
                assert!(p.cppl_cp_plan_end_date.unwrap() < p.cppl_cp_plan_start_date);
            }
            (FaultKind::Duplicate, "ssd_cin_episodes") => {
                assert!(t
                    .cin_episodes
                    .iter()
                    .any(|e| e.cine_referral_id.as_str() == f.row_id));
            }
            _ => {}
        }
    }
    // The faulty model still holds together as a database (keys and links), so it imports.
    assert_eq!(t.check_integrity(), vec![]);
}
