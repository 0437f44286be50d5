-- The conversation, both ways: what a lead writes back into the shared mailbox comes into its
-- thread, and every answer is owed a reply within the promised time, not only the first
-- message.
--
-- `owed_since`: since when the lead has waited for a reply (its arrival, or the first answer
-- after our last reply); NULL while nothing is owed. The reply-by countdown, the list's order
-- and the reminders run from it. Leads that are still unanswered are owed since they arrived.
ALTER TABLE leads ADD COLUMN owed_since TEXT;
UPDATE leads SET owed_since = created_at WHERE first_reply_at IS NULL AND erased_at IS NULL;
CREATE INDEX leads_owed ON leads (owed_since, id) WHERE owed_since IS NOT NULL;
CREATE INDEX leads_owed_by_status ON leads (status, owed_since) WHERE owed_since IS NOT NULL;
-- The leads whose person answered our reply and waits on us again: counted at every look at
-- the inbox's pulse, so read from an index of them alone.
CREATE INDEX leads_waiting_on_us ON leads (status) WHERE owed_since IS NOT NULL AND first_reply_at IS NOT NULL;
-- The lead's address bounced (a delivery failure report): why and when. Nothing more is sent
-- to it until staff correct the address.
ALTER TABLE leads ADD COLUMN undeliverable TEXT;
-- An answer that names no message of ours goes to its sender's newest open lead: found by the
-- address, compared without regard to case.
CREATE INDEX leads_by_email ON leads (lower(email), created_at);
ALTER TABLE leads ADD COLUMN undeliverable_at TEXT;

-- Each wait that began with an answer (the first, from the lead's arrival, is the lead's own
-- `created_at` and `first_reply_at`): when it began and when our reply ended it. The
-- dashboard's "answered within" counts them all.
CREATE TABLE lead_waits (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id     INTEGER NOT NULL REFERENCES leads (id),
    since       TEXT NOT NULL,
    answered_at TEXT
) STRICT;
CREATE INDEX lead_waits_by_since ON lead_waits (since);
CREATE INDEX lead_waits_open ON lead_waits (lead_id) WHERE answered_at IS NULL;

-- A message read from the shared mailbox: the lead it belongs to (NULL: unmatched, waiting in
-- the inbox's Unmatched view for staff to attach or discard it), how it was matched, what it
-- is (an answer, an automatic reply, a delivery failure), who sent it, and its text (plain
-- text, never HTML). `dedupe_key` (its Message-ID, else a digest of its bytes) keeps a
-- message read twice from being stored twice.
CREATE TABLE inbound_messages (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    lead_id      INTEGER REFERENCES leads (id),
    received_at  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('answer', 'auto_reply', 'bounce')),
    matched_by   TEXT CHECK (matched_by IN ('thread', 'tag', 'sender', 'staff')),
    from_address TEXT NOT NULL,
    from_name    TEXT,
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    notes        TEXT NOT NULL DEFAULT '',
    message_id   TEXT,
    dedupe_key   TEXT NOT NULL UNIQUE,
    size         INTEGER NOT NULL,
    attached_by  TEXT
) STRICT;
CREATE INDEX inbound_by_lead ON inbound_messages (lead_id, id);
CREATE INDEX inbound_unmatched ON inbound_messages (id) WHERE lead_id IS NULL;

-- The files that came with a message: listed with name and size, their bytes kept up to the
-- size limit (`content` NULL past it).
CREATE TABLE inbound_attachments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id   INTEGER NOT NULL REFERENCES inbound_messages (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    content      BLOB
) STRICT;
CREATE INDEX inbound_attachments_by_message ON inbound_attachments (message_id);

-- Where reading the shared mailbox stands: one row per mailbox (host, user and folder, never
-- the password). One instance reads at a time (`holder` until `locked_until`), and the last UID
-- stored under the folder's UIDVALIDITY is where the next read starts: a restart reads
-- nothing twice and skips nothing. `duplicates` counts messages read again all the same and
-- recognised as stored (after a UIDVALIDITY change, say): it stays 0 while the cursor holds.
CREATE TABLE mailbox_readers (
    mailbox       TEXT PRIMARY KEY,
    uid_validity  INTEGER,
    last_uid      INTEGER NOT NULL DEFAULT 0,
    duplicates    INTEGER NOT NULL DEFAULT 0,
    holder        TEXT,
    locked_until  TEXT,
    last_read_at  TEXT,
    last_error    TEXT,
    last_error_at TEXT
) STRICT;
