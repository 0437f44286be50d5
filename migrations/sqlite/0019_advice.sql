-- The advice loop: what the consultants advised after the call, the cases the model is held
-- to, the model's versions published from the browser, the checks run before publishing, and
-- an audit of every check, publication and change to the cases.

-- The consultants' verdict on a lead (one, the latest; the history keeps each). The guide's
-- choices and model version are copied from the lead's result when the verdict is recorded,
-- so the agreement per version is one grouped count. They stay when the lead is erased (the
-- note does not).
CREATE TABLE lead_verdicts (
    lead_id            INTEGER PRIMARY KEY REFERENCES leads (id),
    organisation       TEXT NOT NULL,
    execution          TEXT NOT NULL,
    note               TEXT NOT NULL,
    model_version      TEXT,
    guide_organisation TEXT,
    guide_execution    TEXT,
    author             TEXT NOT NULL,
    at                 TEXT NOT NULL
) STRICT;
CREATE INDEX lead_verdicts_by_version ON lead_verdicts (model_version, at);

-- Answers with the choices an architect would accept (comma-separated option ids). Retired
-- cases stay, so the library never fills itself again once it was seeded.
CREATE TABLE model_cases (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    title         TEXT NOT NULL,
    answers       TEXT NOT NULL,
    organisation  TEXT NOT NULL,
    execution     TEXT NOT NULL,
    note          TEXT NOT NULL,
    source        TEXT NOT NULL,
    source_detail TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    retired_at    TEXT
) STRICT;

-- A draft checked against the cases and replayed through the stored results: its texts (the
-- model, the price book, and each language's words for it as JSON), the
-- published version it was set against (0: the model shipped in the build), its progress
-- and its figures (JSON).
CREATE TABLE model_checks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    author     TEXT NOT NULL,
    started_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT,
    model      TEXT NOT NULL,
    prices     TEXT NOT NULL,
    words      TEXT NOT NULL,
    against    INTEGER NOT NULL,
    total      INTEGER NOT NULL DEFAULT 0,
    done       INTEGER NOT NULL DEFAULT 0,
    cases      TEXT,
    replay     TEXT,
    failure    TEXT
) STRICT;

-- Published versions; the newest row is live on every instance. `follows` is the row it
-- replaced (0: the shipped model) and is unique: of two admins publishing over the same
-- version, one is refused, so instances cannot end up on different versions. Rolling back is
-- a new row with an earlier one's texts.
CREATE TABLE model_versions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    version         TEXT NOT NULL,
    model           TEXT NOT NULL,
    prices          TEXT NOT NULL,
    words           TEXT NOT NULL,
    follows         INTEGER NOT NULL UNIQUE,
    author          TEXT NOT NULL,
    published_at    TEXT NOT NULL,
    note            TEXT NOT NULL,
    diff            TEXT NOT NULL,
    override_reason TEXT,
    check_id        INTEGER REFERENCES model_checks (id)
) STRICT;

-- Who checked, published, rolled back, and changed the cases, and when.
CREATE TABLE model_audit (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
) STRICT;
CREATE INDEX model_audit_by_time ON model_audit (at);
-- The case library is given the build's cases once: this line marks it.
CREATE UNIQUE INDEX model_audit_seeded_once ON model_audit (action) WHERE action = 'cases_seeded';

-- The replay reads the results of the last days in order.
CREATE INDEX guide_results_by_time ON guide_results (created_at, id);
