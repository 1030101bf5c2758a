use std::fmt;

/// Why a file could not be read, precise enough for a data officer to find and fix the cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    /// File name as the user gave it (or a table name for in-memory input).
    pub file: String,
    /// 1-based line in the file, where known.
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    /// What was expected instead.
    pub expected: String,
}

impl ReadError {
    pub fn file(file: impl Into<String>, expected: impl Into<String>) -> Self {
        ReadError {
            file: file.into(),
            line: None,
            column: None,
            value: None,
            expected: expected.into(),
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ", line {l}")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c}")?;
        }
        if let Some(v) = &self.value {
            // Values are shown truncated: enough to find the cell, never a whole record.
            let shown: String = v.chars().take(60).collect();
            write!(f, ", value `{shown}`")?;
        }
        write!(f, ": {}", self.expected)
    }
}

impl std::error::Error for ReadError {}
