-- The inbox: who works a lead, and whether its personal data was erased on request.
ALTER TABLE leads ADD COLUMN assigned_to INTEGER REFERENCES staff_users (id);
ALTER TABLE leads ADD COLUMN erased_at TEXT;

CREATE INDEX leads_by_time ON leads (created_at);
CREATE INDEX leads_by_assignee ON leads (assigned_to, created_at);
CREATE INDEX lead_events_by_lead ON lead_events (lead_id, id);

-- Every login attempt: when, for which account, from where, and how it ended. Never the
-- password. Failed attempts in the last minutes throttle further ones. `account_key` is a hash
-- of the email as typed (lower-cased), so that an address typed by mistake is not kept.
CREATE TABLE login_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    account_key TEXT NOT NULL,
    user_id     INTEGER REFERENCES staff_users (id),
    ip          TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'wrong_password', 'unknown_account', 'disabled', 'throttled'))
) STRICT;

CREATE INDEX login_attempts_by_account ON login_attempts (account_key, at);
CREATE INDEX login_attempts_by_ip ON login_attempts (ip, at);
