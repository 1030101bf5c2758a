//! Performance indicators: the national measure set and local timeliness measures, computed
//! from the case model for any date, broken down, and set against England.
//!
//! * [`catalogue`]: every indicator as data (definition, unit, polarity, twin in the DfE's
//!   published statistics); `docs/indicators.md` is generated from it.
//! * [`Prepared`]: the case model numbered and grouped once; [`evaluate`] and
//!   [`evaluate_all`] compute figures at [`Point`]s, each with the units (and so the children)
//!   behind it; [`breakdown`] splits them by team, worker, sex, age band, ethnicity or disability.
//! * [`Params`]: the spec's open choices as parameters.

pub mod benchmarks;
pub mod catalogue;
pub mod compute;
pub mod docs;
pub mod index;
mod measures;
pub mod params;
pub mod worklists;

pub use catalogue::*;
pub use compute::{
    age_band, breakdown, evaluate, evaluate_all, figure, monthly_points, By, Evaluated, Figure,
    Point,
};
pub use index::Prepared;
pub use measures::computed_ids;
pub use params::Params;
