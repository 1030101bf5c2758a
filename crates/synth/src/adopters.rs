//! (Prospective) adopters (Annex A List 11) and the adoptive family each matched child joins
//! (List 10 "Family identifier").
//!
//! Made after every child is simulated, from one RNG stream: families are numbered across the
//! whole authority, which the per-child parallel streams cannot do deterministically.

use std::collections::HashSet;

use model::calendar::{add_months, add_years};
use model::codes::*;
use model::tables::Adopter;
use model::{Date, Id, Tables};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::Config;

/// Mixed into the seed so this stream is independent of the children's and the faults'.
const SEED_SALT: u64 = 0xAD0F_7E25;

/// Adopters' ethnicity, per 1,000: mostly White British, as England's approved adopters are.
const ETHNICITY: &[(Ethnicity, u32)] = &[
    (Ethnicity::Wbri, 820),
    (Ethnicity::Wiri, 15),
    (Ethnicity::Woth, 40),
    (Ethnicity::Mwbc, 10),
    (Ethnicity::Mwba, 5),
    (Ethnicity::Mwas, 8),
    (Ethnicity::Moth, 7),
    (Ethnicity::Aind, 20),
    (Ethnicity::Apkn, 10),
    (Ethnicity::Aban, 4),
    (Ethnicity::Aoth, 6),
    (Ethnicity::Bcrb, 12),
    (Ethnicity::Bafr, 15),
    (Ethnicity::Both, 4),
    (Ethnicity::Chne, 4),
    (Ethnicity::Ooth, 10),
    (Ethnicity::Refu, 5),
    (Ethnicity::Nobt, 5),
];

/// Milestones of one family's journey; `None` = not reached (or after the as-at date).
#[derive(Default)]
struct Journey {
    enquiry: Option<Date>,
    stage1_start: Option<Date>,
    stage1_end: Option<Date>,
    stage2_start: Option<Date>,
    stage2_end: Option<Date>,
    application: Option<Date>,
    approval: Option<Date>,
    matched: Option<Date>,
    placed: Option<Date>,
    adoption_order: Option<Date>,
    left: Option<(Date, AdopterLeavingReason)>,
}

struct Family {
    journey: Journey,
    sexes: Vec<Sex>,
    fostering_for_adoption: bool,
    /// Row of `ssd_permanence` of the child matched with this family.
    child: Option<usize>,
}

/// Adds `ssd_adopters` rows and sets `perm_adoptive_family_id` on every matched permanence row.
pub fn add(t: &mut Tables, cfg: &Config) {
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed ^ SEED_SALT);
    let as_at = cfg.as_at;
    // Periods of care with a fostering-for-adoption or concurrent-planning placement, the same
    // test the simulation uses for `perm_adopted_by_carer_flag`.
    let ffa: HashSet<&str> = t
        .placements
        .iter()
        .filter(|p| {
            matches!(
                p.clap_cla_placement_type,
                PlacementType::A3 | PlacementType::A5
            )
        })
        .map(|p| p.clap_cla_id.as_str())
        .collect();

    let mut families = vec![];
    for (i, p) in t.permanence.iter().enumerate() {
        let Some(matched) = p.perm_matched_date else {
            continue;
        };
        let sexes = match p.perm_adopter_sex {
            Some(s) => sexes_of(s),
            None => vec![Sex::Female, Sex::Male],
        };
        let mut j = backwards_from_match(&mut rng, matched);
        j.placed = p.perm_placed_for_adoption_date;
        j.adoption_order = p
            .perm_permanence_order_date
            .filter(|_| p.perm_permanence_order_type == Some(PermanenceOrderType::Adoption));
        families.push(Family {
            journey: j,
            sexes,
            fostering_for_adoption: p
                .perm_cla_id
                .as_ref()
                .is_some_and(|c| ffa.contains(c.as_str())),
            child: Some(i),
        });
    }

    // About as many again who enquired in the window but have no child: a quarter left the
    // process, the rest are still in it at the as-at date.
    let window_start = Date(add_years(as_at.0, -(cfg.years.max(1) as i32)));
    let n_matched = families.len() as f64;
    let extra = ((n_matched * rng.gen_range(0.9..1.1)).round() as usize).max(1);
    // A fixed share rather than a coin per family: the handful a small authority has would
    // otherwise swing far from a quarter. Sorting by enquiry date below mixes them in.
    let leavers = (extra as f64 * 0.25).round() as usize;
    for k in 0..extra {
        let j = if k < leavers {
            leaver(&mut rng, window_start, as_at)
        } else {
            in_process(&mut rng, window_start, as_at)
        };
        let sexes = sexes_of(pick(
            &mut rng,
            &[
                (AdopterSex::Mf, 68),
                (AdopterSex::Ff, 9),
                (AdopterSex::Mm, 7),
                (AdopterSex::F1, 14),
                (AdopterSex::M1, 2),
            ],
        ));
        families.push(Family {
            journey: j,
            sexes,
            fostering_for_adoption: false,
            child: None,
        });
    }

    // Case systems number families as enquiries arrive.
    families.sort_by_key(|f| f.journey.enquiry);
    for (n, f) in families.iter().enumerate() {
        let family_id = format!("SYNF{:06}", n + 1);
        if let Some(i) = f.child {
            t.permanence[i].perm_adoptive_family_id = Some(family_id.clone());
        }
        let j = &f.journey;
        let before = |d: Option<Date>| d.filter(|&d| d <= as_at);
        let first_ethnicity = pick(&mut rng, ETHNICITY);
        for (k, &sex) in f.sexes.iter().enumerate() {
            // Partners usually share an ethnic background.
            let ethnicity = if k == 0 || rng.gen::<f64>() < 0.8 {
                first_ethnicity
            } else {
                pick(&mut rng, ETHNICITY)
            };
            t.adopters.push(Adopter {
                adop_adopter_id: Id::new(format!("{family_id}{}", (b'A' + k as u8) as char))
                    .expect("adopter id"),
                adop_family_id: family_id.clone(),
                adop_sex: sex,
                adop_ethnicity: ethnicity,
                adop_disability: YesNo::from_bool(rng.gen::<f64>() < 0.05),
                adop_fostering_for_adoption: YesNo::from_bool(f.fostering_for_adoption),
                adop_enquiry_date: j.enquiry.expect("every family enquired"),
                adop_stage1_start_date: before(j.stage1_start),
                adop_stage1_end_date: before(j.stage1_end),
                adop_stage2_start_date: before(j.stage2_start),
                adop_stage2_end_date: before(j.stage2_end),
                adop_application_date: before(j.application),
                adop_approval_date: before(j.approval),
                adop_matched_date: before(j.matched),
                adop_placed_date: before(j.placed),
                adop_children_placed: before(j.placed).map(|_| 1),
                adop_adoption_order_date: before(j.adoption_order),
                adop_left_process_date: j.left.map(|l| l.0).filter(|&d| d <= as_at),
                adop_left_process_reason: j.left.filter(|l| l.0 <= as_at).map(|l| l.1),
            });
        }
    }
}

fn sexes_of(s: AdopterSex) -> Vec<Sex> {
    match s {
        AdopterSex::Mf => vec![Sex::Male, Sex::Female],
        AdopterSex::Ff => vec![Sex::Female, Sex::Female],
        AdopterSex::Mm => vec![Sex::Male, Sex::Male],
        AdopterSex::F1 => vec![Sex::Female],
        AdopterSex::M1 => vec![Sex::Male],
    }
}

fn pick<T: Copy>(rng: &mut ChaCha8Rng, weighted: &[(T, u32)]) -> T {
    let total: u32 = weighted.iter().map(|w| w.1).sum();
    let mut r = rng.gen_range(0..total);
    for &(v, w) in weighted {
        if r < w {
            return v;
        }
        r -= w;
    }
    weighted[0].0
}

fn months(d: Date, n: i32) -> Date {
    Date(add_months(d.0, n))
}

/// The two-stage assessment of a family matched on `matched`: approval 1-8 months before the
/// match, the application 4-6 months before approval with stage 2 running from it to approval,
/// stage 1 about two months before that, the enquiry a few weeks before stage 1.
fn backwards_from_match(rng: &mut ChaCha8Rng, matched: Date) -> Journey {
    let approval = matched.plus_days(-rng.gen_range(30..=240));
    let application = approval.plus_days(-rng.gen_range(120..=180));
    let stage1_end = application.plus_days(-rng.gen_range(1..=14));
    let stage1_start = stage1_end.plus_days(-rng.gen_range(45..=90));
    Journey {
        enquiry: Some(stage1_start.plus_days(-rng.gen_range(14..=56))),
        stage1_start: Some(stage1_start),
        stage1_end: Some(stage1_end),
        stage2_start: Some(application.plus_days(rng.gen_range(0..=14))),
        stage2_end: Some(approval),
        application: Some(application),
        approval: Some(approval),
        matched: Some(matched),
        ..Journey::default()
    }
}

/// The same stages run forwards from an enquiry (matching is not reached).
fn forwards_from_enquiry(rng: &mut ChaCha8Rng, enquiry: Date) -> Journey {
    let stage1_start = enquiry.plus_days(rng.gen_range(14..=56));
    let stage1_end = stage1_start.plus_days(rng.gen_range(45..=90));
    let application = stage1_end.plus_days(rng.gen_range(1..=14));
    let stage2_start = application.plus_days(rng.gen_range(0..=14));
    let approval = application.plus_days(rng.gen_range(120..=180));
    Journey {
        enquiry: Some(enquiry),
        stage1_start: Some(stage1_start),
        stage1_end: Some(stage1_end),
        stage2_start: Some(stage2_start),
        stage2_end: Some(approval),
        application: Some(application),
        approval: Some(approval),
        ..Journey::default()
    }
}

/// A family still in the process at the as-at date: enquired in the last 18 months (or the
/// window, if shorter); stages not yet reached are blank.
fn in_process(rng: &mut ChaCha8Rng, window_start: Date, as_at: Date) -> Journey {
    let from = months(as_at, -18).max(window_start);
    let enquiry = from.plus_days(rng.gen_range(0..=from.days_until(as_at)));
    let mut j = forwards_from_enquiry(rng, enquiry);
    for d in [
        &mut j.stage1_start,
        &mut j.stage1_end,
        &mut j.stage2_start,
        &mut j.stage2_end,
        &mut j.application,
        &mut j.approval,
    ] {
        *d = d.filter(|&d| d <= as_at);
    }
    j
}

/// A family that left the process: withdrew (60%), put it on hold (25%) or was refused (15%,
/// at the end of stage 2). Enquiries are spread over the window so that the leaving date
/// falls on or before the as-at date.
fn leaver(rng: &mut ChaCha8Rng, window_start: Date, as_at: Date) -> Journey {
    let reason = pick(
        rng,
        &[
            (AdopterLeavingReason::Withdrew, 60),
            (AdopterLeavingReason::OnHold, 25),
            (AdopterLeavingReason::Refused, 15),
        ],
    );
    // Lay the journey out from a provisional enquiry date, then slide it into the window.
    let mut j = forwards_from_enquiry(rng, window_start);
    let stage = match reason {
        AdopterLeavingReason::Refused => 2,
        _ => pick(rng, &[(0, 35), (1, 30), (2, 25), (3, 10)]),
    };
    let s1 = j.stage1_start.expect("laid out");
    let s2 = j.stage2_start.expect("laid out");
    let approval = j.approval.expect("laid out");
    let left = match stage {
        0 => window_start.plus_days(rng.gen_range(7..window_start.days_until(s1))),
        1 => s1.plus_days(rng.gen_range(7..=s1.days_until(j.stage1_end.expect("laid out")))),
        2 if reason == AdopterLeavingReason::Refused => approval,
        2 => s2.plus_days(rng.gen_range(7..=s2.days_until(approval) - 1)),
        _ => approval.plus_days(rng.gen_range(60..=540)),
    };
    // Stages from the one left in onwards are not reached; a refusal ends stage 2.
    j.approval = None;
    if stage < 2 {
        j.stage2_start = None;
        j.stage2_end = None;
        j.application = None;
    } else if stage == 2 && reason != AdopterLeavingReason::Refused {
        j.stage2_end = None;
    }
    if stage < 1 {
        j.stage1_start = None;
        j.stage1_end = None;
    } else if stage == 1 {
        j.stage1_end = None;
    }
    if stage == 3 {
        j.approval = Some(approval);
    }
    let span = window_start.days_until(left);
    let room = window_start.days_until(as_at) - span;
    let shift = if room > 0 { rng.gen_range(0..=room) } else { 0 };
    let slide = |d: Option<Date>| d.map(|d| d.plus_days(shift));
    Journey {
        enquiry: slide(j.enquiry),
        stage1_start: slide(j.stage1_start),
        stage1_end: slide(j.stage1_end),
        stage2_start: slide(j.stage2_start),
        stage2_end: slide(j.stage2_end),
        application: slide(j.application),
        approval: slide(j.approval),
        left: Some((left.plus_days(shift), reason)),
        ..Journey::default()
    }
}
