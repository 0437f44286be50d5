-- Booked calls, part two. The outbox carries two more kinds of message: `call` (an email to
-- the visitor or the staff member about their call: an invitation, a change, a cancellation,
-- a reminder) and `calendar` (a write to a staff member's own CalDAV calendar). `topic` names
-- what a message is about (`reminder:<uid>`, `calendar:<uid>`), so a later change to the same
-- call can withdraw what has not gone yet: a reminder of a call that moved, a calendar write
-- a newer one replaces.
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check
    CHECK (channel IN ('email', 'webhook', 'reply', 'call', 'calendar'));
ALTER TABLE outbox ADD COLUMN topic TEXT;
CREATE INDEX outbox_waiting_by_topic ON outbox (topic) WHERE delivered_at IS NULL AND topic IS NOT NULL;

-- A staff member's own calendar: a CalDAV collection whose busy times remove slots and into
-- which their calls are written (the password sealed with the server's key), and the private
-- feed of their calls any calendar app can subscribe to (`/calendar/<feed_token>.ics`; the
-- stored value is the SHA-256 of its secret part). `last_error` is the calendar's last
-- failure, shown on their account page until a read or write succeeds.
CREATE TABLE staff_calendars (
    staff_id        BIGINT PRIMARY KEY REFERENCES staff_users (id) ON DELETE CASCADE,
    caldav_url      TEXT,
    caldav_username TEXT,
    caldav_password TEXT,
    feed_digest     TEXT UNIQUE,
    last_error      TEXT,
    last_error_at   TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Who last changed a call (a visitor, or a staff member's address), shown with it.
ALTER TABLE bookings ADD COLUMN changed_by TEXT;
