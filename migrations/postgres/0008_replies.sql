-- Replies written in the inbox and sent by email: a third kind of outbox message.
ALTER TABLE outbox DROP CONSTRAINT outbox_channel_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_channel_check CHECK (channel IN ('email', 'webhook', 'reply'));

-- The thread of a lead: each reply, who wrote it and when; its delivery is its outbox message's.
CREATE TABLE lead_replies (
    id        BIGSERIAL PRIMARY KEY,
    lead_id   BIGINT NOT NULL REFERENCES leads (id),
    outbox_id BIGINT NOT NULL REFERENCES outbox (id),
    author    TEXT NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    subject   TEXT NOT NULL,
    body      TEXT NOT NULL
);

CREATE INDEX lead_replies_by_lead ON lead_replies (lead_id, id);
