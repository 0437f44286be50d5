-- Booked calls, part two. The outbox carries two more kinds of message: `call` (an email to
-- the visitor or the staff member about their call: an invitation, a change, a cancellation,
-- a reminder) and `calendar` (a write to a staff member's own CalDAV calendar). `topic` names
-- what a message is about (`reminder:<uid>`, `calendar:<uid>`), so a later change to the same
-- call can withdraw what has not gone yet: a reminder of a call that moved, a calendar write
-- a newer one replaces.
--
-- SQLite cannot change a CHECK constraint in place, so the outbox is copied into a table that
-- allows them. Foreign keys are on inside this transaction, and `lead_replies` refers to the
-- outbox: it is copied too, referring to the new outbox, and the old tables are dropped before
-- the new ones take their names (renaming the new outbox carries the new reference along).
-- Both copies keep every id.
CREATE TABLE outbox_next (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id         INTEGER NOT NULL REFERENCES leads (id),
    channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook', 'reply', 'call', 'calendar')),
    payload         TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    locked_until    TEXT,
    delivered_at    TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    topic           TEXT
) STRICT;
INSERT INTO outbox_next (id, lead_id, channel, payload, attempts, next_attempt_at, locked_until, delivered_at, last_error, created_at)
    SELECT id, lead_id, channel, payload, attempts, next_attempt_at, locked_until, delivered_at, last_error, created_at FROM outbox;
CREATE TABLE lead_replies_next (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id   INTEGER NOT NULL REFERENCES leads (id),
    outbox_id INTEGER NOT NULL REFERENCES outbox_next (id),
    author    TEXT NOT NULL,
    at        TEXT NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL
) STRICT;
INSERT INTO lead_replies_next (id, lead_id, outbox_id, author, at, subject, body)
    SELECT id, lead_id, outbox_id, author, at, subject, body FROM lead_replies;
DROP TABLE lead_replies;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
ALTER TABLE lead_replies_next RENAME TO lead_replies;
CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);
CREATE INDEX outbox_waiting_by_topic ON outbox (topic) WHERE delivered_at IS NULL AND topic IS NOT NULL;
CREATE INDEX lead_replies_by_lead ON lead_replies (lead_id, id);

-- A staff member's own calendar: a CalDAV collection whose busy times remove slots and into
-- which their calls are written (the password sealed with the server's key), and the private
-- feed of their calls any calendar app can subscribe to (`/calendar/<feed_token>.ics`; the
-- stored value is the SHA-256 of its secret part). `last_error` is the calendar's last
-- failure, shown on their account page until a read or write succeeds.
CREATE TABLE staff_calendars (
    staff_id        INTEGER PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
    caldav_url      TEXT,
    caldav_username TEXT,
    caldav_password TEXT,
    feed_digest     TEXT UNIQUE,
    last_error      TEXT,
    last_error_at   TEXT,
    updated_at      TEXT NOT NULL
);

-- Who last changed a call (a visitor, or a staff member's address), shown with it.
ALTER TABLE bookings ADD COLUMN changed_by TEXT;
