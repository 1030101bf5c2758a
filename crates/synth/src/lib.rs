//! Synthetic local authority generator.
//!
//! Simulates the children's social care histories of an English local authority of a given child
//! population over the years before an as-at date, as a [`CaseModel`]. The histories follow the
//! statutory path (contact → referral → assessment → strategy discussion/s47 → ICPC → CP plan →
//! step-down → closure; entry to care, placements, reviews, visits, leaving care and care-leaver
//! support) with rates and timeliness in the ranges England publishes.
//!
//! Everyone is invented: identifiers start `SYN`, names are drawn from made-up lists, NHS numbers
//! use the 999 test range, postcodes use the non-existent `ZZ` area and UPNs the unused LA 999.
//!
//! Determinism: each child's history comes from its own RNG stream seeded by `(seed, child index)`,
//! so the output is identical for the same arguments however many threads run; adopters, which
//! are numbered across the authority, come afterwards from one stream of their own.

mod adopters;
mod faults;
mod names;
mod sim;
mod summary;
mod workforce;

pub use faults::{Fault, FaultKind};
pub use summary::{RateCheck, Summary};

use model::{CaseModel, Date, LaInfo};

/// What to generate.
#[derive(Debug, Clone)]
pub struct Config {
    /// Children aged 0-17 living in the authority.
    pub population: u64,
    pub seed: u64,
    /// The extract date; nothing happens after it.
    pub as_at: Date,
    /// Years of history the extract holds (the SSD convention is 6).
    pub years: u32,
    /// Share of eligible records given a data-quality fault (0 = clean).
    pub error_rate: f64,
    pub la_code: String,
    pub la_name: String,
}

impl Config {
    pub fn new(population: u64, seed: u64, as_at: Date) -> Self {
        Config {
            population,
            seed,
            as_at,
            years: 6,
            error_rate: 0.0,
            la_code: "999".into(),
            la_name: "Sightline Synthetic Borough".into(),
        }
    }
}

/// A generated authority and the faults deliberately put into it.
pub struct Generated {
    pub model: CaseModel,
    pub faults: Vec<Fault>,
}

/// Generates the authority. `progress(done, total)` is called as children are simulated.
pub fn generate(cfg: &Config, progress: &(dyn Fn(u64, u64) + Sync)) -> Generated {
    let workforce = workforce::Workforce::new(cfg);
    let mut tables = sim::simulate(cfg, &workforce, progress);
    workforce.write_into(&mut tables, cfg);
    adopters::add(&mut tables, cfg);
    let faults = faults::inject(&mut tables, cfg);
    let model = CaseModel {
        la: LaInfo {
            la_code: cfg.la_code.clone(),
            la_name: cfg.la_name.clone(),
            child_population: cfg.population,
            as_at: cfg.as_at,
        },
        tables,
    };
    Generated { model, faults }
}
