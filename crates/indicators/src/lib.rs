//! Performance indicators: the national measure set and local timeliness measures, computed
//! from the case model for any date, broken down and benchmarked against England.

pub mod benchmarks;
pub mod catalogue;

pub use catalogue::*;
