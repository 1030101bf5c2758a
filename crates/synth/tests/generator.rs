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

#[test]
fn adopters_form_families_that_match_the_children_and_follow_the_process() {
    use model::codes::{AdopterSex, PermanenceOrderType, Sex, YesNo};
    use std::collections::HashMap;
    let g = generate(&config(5, 60_000), &|_, _| {});
    let t = &g.model.tables;
    let as_at = Date::ymd(2026, 3, 31);
    let mut families: HashMap<&str, Vec<&model::tables::Adopter>> = HashMap::new();
    for a in &t.adopters {
        families
            .entry(a.adop_family_id.as_str())
            .or_default()
            .push(a);
    }
    // Every matched child names a family whose members are the adopters the 903 describes.
    let matched: Vec<_> = t
        .permanence
        .iter()
        .filter(|p| p.perm_matched_date.is_some())
        .collect();
    assert!(!matched.is_empty());
    for p in &matched {
        let id = p.perm_adoptive_family_id.as_deref().expect("family id");
        let fam = &families[id];
        assert_eq!(Some(fam.len() as i64), p.perm_number_of_adopters);
        let mut sexes: Vec<Sex> = fam.iter().map(|a| a.adop_sex).collect();
        sexes.sort();
        let want = match p.perm_adopter_sex.unwrap() {
            AdopterSex::Mf => vec![Sex::Male, Sex::Female],
            AdopterSex::Ff => vec![Sex::Female, Sex::Female],
            AdopterSex::Mm => vec![Sex::Male, Sex::Male],
            AdopterSex::F1 => vec![Sex::Female],
            AdopterSex::M1 => vec![Sex::Male],
        };
        assert_eq!(sexes, want);
        for a in fam {
            assert_eq!(a.adop_matched_date, p.perm_matched_date);
            assert_eq!(a.adop_placed_date, p.perm_placed_for_adoption_date);
            assert_eq!(
                a.adop_children_placed.is_some(),
                a.adop_placed_date.is_some()
            );
            let order = p
                .perm_permanence_order_date
                .filter(|_| p.perm_permanence_order_type == Some(PermanenceOrderType::Adoption));
            assert_eq!(a.adop_adoption_order_date, order);
            assert!(a.adop_approval_date.is_some() && a.adop_left_process_date.is_none());
        }
    }
    assert!(t
        .permanence
        .iter()
        .all(|p| p.perm_matched_date.is_some() == p.perm_adoptive_family_id.is_some()));
    // About as many families again have no child; about a quarter of those left the process.
    let childless = families.len() - matched.len();
    assert!(
        childless * 10 >= matched.len() * 8 && childless * 10 <= matched.len() * 12,
        "{childless} families without a child for {} matched",
        matched.len()
    );
    let left = families
        .values()
        .filter(|f| f[0].adop_left_process_date.is_some())
        .count();
    assert!(
        left * 100 >= childless * 15 && left * 100 <= childless * 35,
        "{left} of {childless} left"
    );
    // The stages run in order, one family's members share them, and nothing is after the as-at date.
    for fam in families.values() {
        for a in fam {
            assert!(a.adop_adopter_id.as_str().starts_with("SYN"));
            assert_eq!(a.adop_enquiry_date, fam[0].adop_enquiry_date);
            assert_eq!(
                a.adop_fostering_for_adoption,
                fam[0].adop_fostering_for_adoption
            );
            assert_eq!(
                a.adop_left_process_reason.is_some(),
                a.adop_left_process_date.is_some()
            );
            let stages = [
                Some(a.adop_enquiry_date),
                a.adop_stage1_start_date,
                a.adop_stage1_end_date,
                a.adop_stage2_start_date,
                a.adop_stage2_end_date,
                a.adop_matched_date,
                a.adop_placed_date,
                a.adop_adoption_order_date,
            ];
            let reached: Vec<Date> = stages.iter().flatten().copied().collect();
            assert!(reached.windows(2).all(|w| w[0] <= w[1]), "{a:?}");
            if let (Some(app), Some(s1), Some(s2)) = (
                a.adop_application_date,
                a.adop_stage1_end_date,
                a.adop_stage2_start_date,
            ) {
                assert!(s1 < s2 && app >= s1 && app <= s2, "{a:?}");
            }
            assert!(
                a.adop_approval_date.is_none() || a.adop_approval_date == a.adop_stage2_end_date
            );
            let all: Vec<Date> = reached
                .iter()
                .chain(&a.adop_application_date)
                .chain(&a.adop_left_process_date)
                .copied()
                .collect();
            assert!(all.iter().all(|&d| d <= as_at), "{a:?}");
            if let Some(l) = a.adop_left_process_date {
                assert!(all.iter().all(|&d| d <= l), "{a:?}");
            }
        }
    }
    let n = t.adopters.len();
    let disabled = t
        .adopters
        .iter()
        .filter(|a| a.adop_disability == YesNo::Yes)
        .count();
    assert!(
        disabled * 100 <= n * 10,
        "{disabled} of {n} adopters disabled"
    );
}
