-- When each staff member takes calls: their hours as written (`mon-fri 09:00-17:00`, one a
-- line) in their own IANA zone, days off (`2026-12-24..2027-01-02`, one a line), the languages
-- they take calls in (`en,es`) and their own meeting link (else the site's).
CREATE TABLE staff_availability (
    staff_id     BIGINT PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
    zone         TEXT NOT NULL,
    hours        TEXT NOT NULL,
    days_off     TEXT NOT NULL DEFAULT '',
    languages    TEXT NOT NULL,
    meeting_link TEXT,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- A call booked by a visitor for their lead. `busy_until` is the call's end and the buffer
-- after it, what no other call of the same person may overlap; rescheduling moves the row and
-- raises its `sequence` (the invitations' SEQUENCE), cancelling stamps it. `uid` is the
-- invitations' UID, the same for the booking's whole life.
CREATE TABLE bookings (
    id           BIGSERIAL PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    lead_id      BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    staff_id     BIGINT NOT NULL REFERENCES staff_users (id),
    starts_at    TIMESTAMPTZ NOT NULL,
    ends_at      TIMESTAMPTZ NOT NULL,
    busy_until   TIMESTAMPTZ NOT NULL,
    visitor_zone TEXT NOT NULL,
    sequence     INTEGER NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL,
    cancelled_at TIMESTAMPTZ,
    CHECK (starts_at < ends_at AND ends_at <= busy_until)
);
CREATE UNIQUE INDEX bookings_one_per_lead ON bookings (lead_id) WHERE cancelled_at IS NULL;

-- One person, one call at a time, whatever instance writes: an exclusion constraint, which
-- PostgreSQL checks against every other transaction's rows, committed or not.
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE bookings ADD CONSTRAINT bookings_never_overlap
    EXCLUDE USING gist (staff_id WITH =, tstzrange(starts_at, busy_until) WITH &&)
    WHERE (cancelled_at IS NULL);
