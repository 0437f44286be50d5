-- When an unanswered lead's reminder and its overdue alert were sent: each goes once.
ALTER TABLE leads ADD COLUMN reminded_at TEXT;
ALTER TABLE leads ADD COLUMN overdue_at TEXT;

-- The leads still waiting for a first reply, which the deadline check reads every few seconds.
CREATE INDEX leads_awaiting_reply ON leads (created_at) WHERE first_reply_at IS NULL;
