-- Every use of child-level data: who, when, what, from which snapshot. Append-only; the
-- detail names the output (a file or page), never a child.
CREATE TABLE audit_log (
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    snapshot_id BIGINT REFERENCES snapshots (snapshot_id),
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
