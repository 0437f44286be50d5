-- When each staff member takes calls: their hours as written (`mon-fri 09:00-17:00`, one a
-- line) in their own IANA zone, days off (`2026-12-24..2027-01-02`, one a line), the languages
-- they take calls in (`en,es`) and their own meeting link (else the site's).
CREATE TABLE staff_availability (
    staff_id     INTEGER PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
    zone         TEXT NOT NULL,
    hours        TEXT NOT NULL,
    days_off     TEXT NOT NULL DEFAULT '',
    languages    TEXT NOT NULL,
    meeting_link TEXT,
    updated_at   TEXT NOT NULL
);

-- A call booked by a visitor for their lead. `busy_until` is the call's end and the buffer
-- after it, what no other call of the same person may overlap; rescheduling moves the row and
-- raises its `sequence` (the invitations' SEQUENCE), cancelling stamps it. `uid` is the
-- invitations' UID, the same for the booking's whole life.
CREATE TABLE bookings (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    lead_id      INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    staff_id     INTEGER NOT NULL REFERENCES staff_users (id),
    starts_at    TEXT NOT NULL,
    ends_at      TEXT NOT NULL,
    busy_until   TEXT NOT NULL,
    visitor_zone TEXT NOT NULL,
    sequence     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    cancelled_at TEXT,
    CHECK (starts_at < ends_at AND ends_at <= busy_until)
);
CREATE UNIQUE INDEX bookings_one_per_lead ON bookings (lead_id) WHERE cancelled_at IS NULL;
CREATE INDEX bookings_by_staff ON bookings (staff_id, starts_at) WHERE cancelled_at IS NULL;

-- One person, one call at a time, whatever instance writes: SQLite runs one write at a time,
-- so a check inside the write itself cannot race with another.
CREATE TRIGGER bookings_never_overlap_on_insert BEFORE INSERT ON bookings WHEN NEW.cancelled_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_never_overlap') WHERE EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.staff_id = NEW.staff_id AND b.cancelled_at IS NULL
          AND b.starts_at < NEW.busy_until AND NEW.starts_at < b.busy_until);
END;
CREATE TRIGGER bookings_never_overlap_on_update BEFORE UPDATE OF staff_id, starts_at, busy_until, cancelled_at
ON bookings WHEN NEW.cancelled_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'bookings_never_overlap') WHERE EXISTS (
        SELECT 1 FROM bookings b
        WHERE b.id <> NEW.id AND b.staff_id = NEW.staff_id AND b.cancelled_at IS NULL
          AND b.starts_at < NEW.busy_until AND NEW.starts_at < b.busy_until);
END;
