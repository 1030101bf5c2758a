-- Ofsted (crate ofsted). The imported public files and reports read in, one row per file,
-- kept as published; the register is parsed again from them on load, so a newer parser
-- never misreads an encoding of its own. Then the improvement plan: findings → actions →
-- evidence notes and linked indicators (ids of indicators::catalogue()).
CREATE TABLE ofsted_files (
    file_name TEXT PRIMARY KEY,
    layout TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    row_count BIGINT NOT NULL,
    imported_at TEXT NOT NULL,
    content BYTEA NOT NULL
);

CREATE TABLE plan_findings (
    finding_id BIGINT PRIMARY KEY,
    la_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    tag TEXT,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE plan_actions (
    action_id BIGINT PRIMARY KEY,
    finding_id BIGINT NOT NULL REFERENCES plan_findings (finding_id),
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT NOT NULL,
    status TEXT NOT NULL,
    rag_override TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE plan_action_evidence (
    action_id BIGINT NOT NULL REFERENCES plan_actions (action_id),
    seq BIGINT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL,
    link TEXT,
    PRIMARY KEY (action_id, seq)
);

CREATE TABLE plan_action_indicators (
    action_id BIGINT NOT NULL REFERENCES plan_actions (action_id),
    indicator_id TEXT NOT NULL,
    PRIMARY KEY (action_id, indicator_id)
);
