-- A second factor for staff accounts (TOTP, RFC 6238).
-- `totp_secret` is the confirmed secret and `totp_pending` one shown during set-up and not yet
-- confirmed; both are sealed with the server's key (never stored in the clear). `totp_last_step`
-- is the time step of the last code accepted: a code is never accepted twice.
ALTER TABLE staff_users ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_users ADD COLUMN totp_pending TEXT;
ALTER TABLE staff_users ADD COLUMN totp_enabled_at TEXT;
ALTER TABLE staff_users ADD COLUMN totp_last_step INTEGER;

-- Single-use recovery codes, kept only as hashes.
CREATE TABLE staff_recovery_codes (
    user_id   INTEGER NOT NULL REFERENCES staff_users (id),
    code_hash TEXT NOT NULL,
    used_at   TEXT,
    PRIMARY KEY (user_id, code_hash)
) STRICT;

-- A login whose password was right and whose second step is still owed. It grants nothing but
-- the right to enter a code, for a few minutes; only a hash of its token is kept.
CREATE TABLE staff_login_challenges (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES staff_users (id),
    created_at TEXT NOT NULL,
    next       TEXT NOT NULL
) STRICT;

CREATE INDEX staff_login_challenges_by_time ON staff_login_challenges (created_at);

-- The attempt log learns the second step's outcomes. SQLite cannot change a CHECK constraint,
-- so the table is rebuilt with its rows.
CREATE TABLE login_attempts_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    account_key TEXT NOT NULL,
    user_id     INTEGER REFERENCES staff_users (id),
    ip          TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('success', 'wrong_password', 'unknown_account', 'disabled', 'throttled',
                                                 'code_asked', 'wrong_code', 'recovery_code'))
) STRICT;
INSERT INTO login_attempts_new (id, at, account_key, user_id, ip, outcome)
    SELECT id, at, account_key, user_id, ip, outcome FROM login_attempts;
DROP TABLE login_attempts;
ALTER TABLE login_attempts_new RENAME TO login_attempts;
CREATE INDEX login_attempts_by_account ON login_attempts (account_key, at);
CREATE INDEX login_attempts_by_ip ON login_attempts (ip, at);
