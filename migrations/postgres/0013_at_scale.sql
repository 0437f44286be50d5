-- What keeps the inbox as fast with a million leads as with a hundred.

-- Leads per source, guide model version and status, kept by a trigger in the same transaction
-- as every change to a lead: the dashboard and the status tabs read these few rows instead of
-- counting the whole table. `shard` spreads the rows concurrent arrivals update (each new lead
-- would otherwise wait for the one before it to commit, behind one row's lock); readers sum
-- over it.
CREATE TABLE lead_tallies (
    source        TEXT NOT NULL,
    model_version TEXT NOT NULL,                     -- '' for leads without a guide result
    status        TEXT NOT NULL,
    shard         INTEGER NOT NULL,
    n             BIGINT NOT NULL,
    PRIMARY KEY (source, model_version, status, shard)
);

INSERT INTO lead_tallies (source, model_version, status, shard, n)
SELECT l.source, COALESCE(g.model_version, ''), l.status, l.id % 8, COUNT(*)
FROM leads l LEFT JOIN guide_results g ON g.id = l.result_id
GROUP BY 1, 2, 3, 4;

-- Both rows a change moves are written by one statement in key order, so two changes moving
-- leads in opposite directions lock them in the same order and cannot deadlock.
CREATE FUNCTION lead_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO lead_tallies (source, model_version, status, shard, n)
    SELECT source, model_version, status, shard, SUM(n) FROM (
        SELECT OLD.source AS source,
               COALESCE((SELECT model_version FROM guide_results WHERE id = OLD.result_id), '') AS model_version,
               OLD.status AS status, CAST(OLD.id % 8 AS INTEGER) AS shard, -1 AS n
        WHERE TG_OP IN ('UPDATE', 'DELETE')
        UNION ALL
        SELECT NEW.source, COALESCE((SELECT model_version FROM guide_results WHERE id = NEW.result_id), ''),
               NEW.status, CAST(NEW.id % 8 AS INTEGER), 1
        WHERE TG_OP IN ('INSERT', 'UPDATE')
    ) AS moves
    GROUP BY source, model_version, status, shard HAVING SUM(n) <> 0
    ORDER BY source, model_version, status, shard
    ON CONFLICT (source, model_version, status, shard) DO UPDATE SET n = lead_tallies.n + EXCLUDED.n;
    RETURN NULL;
END $$;

CREATE TRIGGER lead_tallies_on_insert AFTER INSERT OR DELETE ON leads
FOR EACH ROW EXECUTE FUNCTION lead_tallies_follow();
CREATE TRIGGER lead_tallies_on_update AFTER UPDATE OF status, source, result_id ON leads
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.source IS DISTINCT FROM NEW.source
                   OR OLD.result_id IS DISTINCT FROM NEW.result_id)
EXECUTE FUNCTION lead_tallies_follow();

-- When a lead last saw activity (its arrival or a change by staff or the visitor; not the
-- reminders the software sent), which the retention job compares with its cutoffs.
ALTER TABLE leads ADD COLUMN last_activity_at TIMESTAMPTZ;
UPDATE leads SET last_activity_at = GREATEST(created_at, COALESCE(
    (SELECT MAX(e.at) FROM lead_events e WHERE e.lead_id = leads.id AND e.kind NOT IN ('reminded', 'overdue')),
    created_at));
CREATE INDEX leads_by_activity ON leads (status, last_activity_at) WHERE erased_at IS NULL;

CREATE FUNCTION leads_activity_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'leads' THEN
        UPDATE leads SET last_activity_at = NEW.created_at WHERE id = NEW.id;
    ELSE
        UPDATE leads SET last_activity_at = NEW.at
        WHERE id = NEW.lead_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER leads_activity_on_insert AFTER INSERT ON leads
FOR EACH ROW WHEN (NEW.last_activity_at IS NULL) EXECUTE FUNCTION leads_activity_follow();
CREATE TRIGGER leads_activity_on_event AFTER INSERT ON lead_events
FOR EACH ROW WHEN (NEW.kind NOT IN ('reminded', 'overdue')) EXECUTE FUNCTION leads_activity_follow();

-- The dashboard's older leads still waiting for a reply, per status (the partial index of 0007
-- holds every unanswered lead, closed ones too), and each status's leads per assignee (the
-- status tabs under "assigned to me" and "nobody yet").
CREATE INDEX leads_awaiting_reply_by_status ON leads (status, created_at) WHERE first_reply_at IS NULL;
CREATE INDEX leads_by_assignee_and_status ON leads (assigned_to, status);

-- Leads of one source in time order (the list filtered by source).
DROP INDEX leads_by_source;
CREATE INDEX leads_by_source ON leads (source, created_at);

-- The search: every lead's search column cut into trigrams, so a search for any text of three
-- or more characters reads the few leads holding all its trigrams instead of every lead. The
-- `LIKE` the search always was uses it as it is. pg_trgm is a trusted extension: the database's
-- owner may add it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX leads_search_trigrams ON leads USING gin (search gin_trgm_ops);
