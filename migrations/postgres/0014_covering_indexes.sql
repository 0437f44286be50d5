-- Two time indexes that answer what they are read for without visiting the leads themselves:
-- the dashboard's last 30 days read each lead's status and first reply beside its time, and
-- the status tabs under a source, an assignee or a time range count a status's leads by their
-- source and assignee beside its time. Their leading columns are those of the indexes they
-- replace, so every walk of the list that used those uses these.
DROP INDEX leads_by_time;
CREATE INDEX leads_by_time ON leads (created_at, status, first_reply_at);
DROP INDEX leads_by_status_and_time;
CREATE INDEX leads_by_status_and_time ON leads (status, created_at, source, assigned_to);
