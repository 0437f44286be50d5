-- The inbox: who works a lead, and whether its personal data was erased on request.
ALTER TABLE leads ADD COLUMN assigned_to BIGINT REFERENCES staff_users (id);
ALTER TABLE leads ADD COLUMN erased_at TIMESTAMPTZ;

CREATE INDEX leads_by_time ON leads (created_at);
CREATE INDEX leads_by_assignee ON leads (assigned_to, created_at);
CREATE INDEX lead_events_by_lead ON lead_events (lead_id, id);

-- Every login attempt: when, for which account, from where, and how it ended. Never the
-- password. `account_key` is a hash of the email as typed (lower-cased).
CREATE TABLE login_attempts (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    account_key TEXT NOT NULL,
    user_id     BIGINT REFERENCES staff_users (id),
    ip          TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'wrong_password', 'unknown_account', 'disabled', 'throttled'))
);

CREATE INDEX login_attempts_by_account ON login_attempts (account_key, at);
CREATE INDEX login_attempts_by_ip ON login_attempts (ip, at);
