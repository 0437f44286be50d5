-- Leads: people who asked to talk. Written once by the contact form, then worked in the inbox.
CREATE TABLE leads (
    id                BIGSERIAL PRIMARY KEY,
    reference         TEXT NOT NULL UNIQUE,
    idempotency_key   TEXT NOT NULL UNIQUE,
    name              TEXT NOT NULL,
    email             TEXT NOT NULL,
    company           TEXT,
    role              TEXT,
    message           TEXT NOT NULL,
    preferred_contact TEXT,
    consent_version   TEXT NOT NULL,
    consent_at        TIMESTAMPTZ NOT NULL,
    result_id         TEXT REFERENCES guide_results (id),
    source_page       TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT 'new'
                      CHECK (status IN ('new', 'contacted', 'qualified', 'won', 'lost', 'spam')),
    spam_reason       TEXT,
    first_reply_at    TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE INDEX leads_by_status_and_time ON leads (status, created_at);

CREATE TABLE lead_events (
    id      BIGSERIAL PRIMARY KEY,
    lead_id BIGINT NOT NULL REFERENCES leads (id),
    at      TIMESTAMPTZ NOT NULL,
    actor   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    detail  TEXT NOT NULL
);

CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    lead_id         BIGINT NOT NULL REFERENCES leads (id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);

CREATE TABLE app_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
