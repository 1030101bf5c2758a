-- DfE published statistics and the statistical-neighbour model (indicators::benchmarks), one
-- row per imported file. Each import replaces them all in one transaction. `content` is the
-- file as published; loading parses it again, so the store holds the record and never an
-- encoding of it that a newer parser could misread.
CREATE TABLE benchmark_files (
    file_name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    imported_at TEXT NOT NULL,
    content BYTEA NOT NULL
);
