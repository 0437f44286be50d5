-- Staff who log in to the inbox.
CREATE TABLE staff_users (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    email         TEXT NOT NULL UNIQUE,                    -- lower-cased
    role          TEXT NOT NULL CHECK (role IN ('admin', 'sales')),
    password_hash TEXT NOT NULL,                           -- Argon2id PHC string
    disabled_at   TEXT,
    created_at    TEXT NOT NULL
) STRICT;
