//! DfE validation of statutory returns: a rule engine with year packs (`engine`), raw
//! columnar tables (`table`), the findings of a run (`report`), and the SSDA903 (`ssda903`) and CIN census (`cin`) rule sets.

pub mod cin;
pub mod engine;
pub mod report;
pub mod ssda903;
pub mod table;

pub use engine::{RuleType, Y2022_23, Y2023_24, Y2024_25, Y2025_26, Y2026_27, YEARS};
pub use table::{ChildIndex, Column, Table};
