-- A second factor for staff accounts (TOTP, RFC 6238).
-- `totp_secret` is the confirmed secret and `totp_pending` one shown during set-up and not yet
-- confirmed; both are sealed with the server's key (never stored in the clear). `totp_last_step`
-- is the time step of the last code accepted: a code is never accepted twice.
ALTER TABLE staff_users ADD COLUMN totp_secret TEXT;
ALTER TABLE staff_users ADD COLUMN totp_pending TEXT;
ALTER TABLE staff_users ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE staff_users ADD COLUMN totp_last_step BIGINT;

-- Single-use recovery codes, kept only as hashes.
CREATE TABLE staff_recovery_codes (
    user_id   BIGINT NOT NULL REFERENCES staff_users (id),
    code_hash TEXT NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- A login whose password was right and whose second step is still owed. It grants nothing but
-- the right to enter a code, for a few minutes; only a hash of its token is kept.
CREATE TABLE staff_login_challenges (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    BIGINT NOT NULL REFERENCES staff_users (id),
    created_at TIMESTAMPTZ NOT NULL,
    next       TEXT NOT NULL
);

CREATE INDEX staff_login_challenges_by_time ON staff_login_challenges (created_at);

-- The attempt log learns the second step's outcomes.
ALTER TABLE login_attempts DROP CONSTRAINT login_attempts_outcome_check;
ALTER TABLE login_attempts ADD CONSTRAINT login_attempts_outcome_check
    CHECK (outcome IN ('success', 'wrong_password', 'unknown_account', 'disabled', 'throttled',
                       'code_asked', 'wrong_code', 'recovery_code'));
