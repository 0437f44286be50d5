-- Leads: people who asked to talk. Written once by the contact form, then worked in the inbox.
CREATE TABLE leads (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    reference         TEXT NOT NULL UNIQUE,          -- shown to the visitor, e.g. AG-7K2Q9M
    idempotency_key   TEXT NOT NULL UNIQUE,          -- one lead per form, however often it is posted
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    company           TEXT,
    role              TEXT,
    message           TEXT NOT NULL,
    preferred_contact TEXT,
    consent_version   TEXT NOT NULL,
    consent_at        TEXT NOT NULL,
    result_id         TEXT REFERENCES guide_results (id),
    source_page       TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'new'
                      CHECK (status IN ('new', 'contacted', 'qualified', 'won', 'lost', 'spam')),
    spam_reason       TEXT,
    first_reply_at    TEXT,
    created_at        TEXT NOT NULL                  -- RFC 3339, UTC
) STRICT;

CREATE INDEX leads_by_status_and_time ON leads (status, created_at);

-- Every change to a lead: who, when, what.
CREATE TABLE lead_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id INTEGER NOT NULL REFERENCES leads (id),
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    detail  TEXT NOT NULL
) STRICT;

-- Notifications about new leads, written in the lead's transaction and delivered later.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id         INTEGER NOT NULL REFERENCES leads (id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    delivered_at    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL
) STRICT;

CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);

-- Secrets the instances share (e.g. the key that signs form tokens), made on first start.
CREATE TABLE app_secrets (
    name  TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
