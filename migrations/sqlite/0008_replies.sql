-- Replies written in the inbox and sent by email: a third kind of outbox message. SQLite cannot
-- change a CHECK constraint in place, so the outbox is copied into a table that allows it.
CREATE TABLE outbox_next (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id         INTEGER NOT NULL REFERENCES leads (id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook', 'reply')),
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    delivered_at    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL
) STRICT;
INSERT INTO outbox_next (id, lead_id, channel, payload, attempts, next_attempt_at, locked_until, delivered_at, last_error, created_at)
    SELECT id, lead_id, channel, payload, attempts, next_attempt_at, locked_until, delivered_at, last_error, created_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);

-- The thread of a lead: each reply, who wrote it and when; its delivery is its outbox message's.
CREATE TABLE lead_replies (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id   INTEGER NOT NULL REFERENCES leads (id),
    outbox_id INTEGER NOT NULL REFERENCES outbox (id),
    author    TEXT NOT NULL,
    at        TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL
) STRICT;

CREATE INDEX lead_replies_by_lead ON lead_replies (lead_id, id);
