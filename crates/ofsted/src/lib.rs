//! Ofsted inspection data: the outcomes register of every English council (imported from the
//! public datasets and Ofsted's own spreadsheet), a reader for inspection reports and visit
//! letters, and the improvement-plan model and its committee exports (text, printable HTML, xlsx). One job: parse and model Ofsted material; storing
//! it is the store's job, showing it the CLI's.

pub mod error;
pub mod export;
pub mod grade;
pub mod plan;
pub mod register;
pub mod report;
pub mod table;

pub use error::{OfstedError, Result};
pub use grade::{Era, Framework, Grade, Judgement};
pub use register::{FileSummary, Inspection, Item, La, Layout, Note, NoteKind, Register};
pub use report::Report;
