//! Readers and writers for the formats Sightline exchanges. Every reader turns bad input into a
//! [`ReadError`] naming the file, line, column, value and what was expected; none panics.

mod error;
pub mod ssd;

pub use error::ReadError;
