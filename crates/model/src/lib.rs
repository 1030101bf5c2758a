//! Sightline's case model: the single source every national output is derived from.
//!
//! * [`Date`], typed [`Id`]s and the DfE/Ofsted [`codes`] make bad values unrepresentable.
//! * [`tables`] holds one struct per Standard Safeguarding Dataset table; [`CaseModel`] holds
//!   them all for one local authority.
//! * [`calendar`] counts working days the way the DfE statistics and validators do.

pub mod calendar;
pub mod case_model;
pub mod codes;
mod date;
mod id;
pub mod table;
pub mod tables;
mod year;

pub use case_model::{
    CaseModel, IntegrityError, LaInfo, TableMark, TableSource, TableVisitor, Tables,
};
pub use date::{BadDate, Date};
pub use id::{BadId, Id, MAX_ID_LEN};
pub use table::{Column, ColumnKind, ForeignKey, Json, Table};
pub use year::{BadYear, CollectionYear};
