-- Staff sessions, kept in the database so that every instance sees them. Only a hash of the
-- session token is stored: a copy of the database does not hold live sessions.
CREATE TABLE staff_sessions (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES staff_users (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
) STRICT;

CREATE INDEX staff_sessions_by_user ON staff_sessions (user_id);
