//! Readers and writers for the formats Sightline exchanges. Every reader turns bad input into a
//! [`ReadError`] naming the file, line, column, value and what was expected; none panics.

pub mod annex_a;
pub mod cin;
mod error;
mod group;
pub mod intake;
pub mod ssd;
pub mod ssda903;
mod xml;

pub use error::ReadError;
