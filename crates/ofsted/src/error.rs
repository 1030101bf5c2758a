//! Typed errors: every one names the file and, for a cell, its row, column, value and what
//! was expected.

#[derive(Debug, thiserror::Error)]
pub enum OfstedError {
    #[error("{file}, row {row}, column {column}: {value:?} is not {expected}")]
    Cell {
        file: String,
        row: usize,
        column: String,
        value: String,
        expected: String,
    },
    #[error("{file}: column {column:?} is missing ({expected})")]
    MissingColumn {
        file: String,
        column: String,
        expected: String,
    },
    #[error("{file}: not a layout Sightline knows: {why}")]
    UnknownLayout { file: String, why: String },
    #[error("{file}: cannot be read: {why}")]
    Unreadable { file: String, why: String },
    #[error("{file}: not an Ofsted report or letter Sightline can read: {why}")]
    Unrecognised { file: String, why: String },
}

pub type Result<T, E = OfstedError> = std::result::Result<T, E>;
