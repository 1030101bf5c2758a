-- Each snapshot's case model in one binary value (see src/cache.rs): loading reads this
-- instead of rebuilding every table. Written in the import's transaction; `fingerprint`
-- names the model shape it was encoded with, and a mismatch means "rebuild from the tables".
CREATE TABLE snapshot_cache (
    snapshot_id BIGINT PRIMARY KEY REFERENCES snapshots (snapshot_id),
    fingerprint TEXT NOT NULL,
    model BYTEA NOT NULL
);
