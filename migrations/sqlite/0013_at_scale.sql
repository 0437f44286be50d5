-- What keeps the inbox as fast with a million leads as with a hundred.

-- Leads per source, guide model version and status, kept by triggers in the same transaction
-- as every change to a lead: the dashboard and the status tabs read these few rows instead of
-- counting the whole table. `shard` spreads the rows concurrent arrivals update (PostgreSQL
-- would otherwise queue every new lead behind one row's lock); readers sum over it.
CREATE TABLE lead_tallies (
    source        TEXT NOT NULL,
    model_version TEXT NOT NULL,                     -- '' for leads without a guide result
    status        TEXT NOT NULL,
    shard         INTEGER NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (source, model_version, status, shard)
) STRICT;

INSERT INTO lead_tallies (source, model_version, status, shard, n)
SELECT l.source, COALESCE(g.model_version, ''), l.status, l.id % 8, COUNT(*)
FROM leads l LEFT JOIN guide_results g ON g.id = l.result_id
GROUP BY 1, 2, 3, 4;

CREATE TRIGGER lead_tallies_on_insert AFTER INSERT ON leads BEGIN
    INSERT INTO lead_tallies (source, model_version, status, shard, n)
    VALUES (NEW.source, COALESCE((SELECT model_version FROM guide_results WHERE id = NEW.result_id), ''),
            NEW.status, NEW.id % 8, 1)
    ON CONFLICT (source, model_version, status, shard) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER lead_tallies_on_update AFTER UPDATE OF status, source, result_id ON leads
WHEN OLD.status IS NOT NEW.status OR OLD.source IS NOT NEW.source OR OLD.result_id IS NOT NEW.result_id BEGIN
    UPDATE lead_tallies SET n = n - 1
    WHERE source = OLD.source AND status = OLD.status AND shard = OLD.id % 8
      AND model_version = COALESCE((SELECT model_version FROM guide_results WHERE id = OLD.result_id), '');
    INSERT INTO lead_tallies (source, model_version, status, shard, n)
    VALUES (NEW.source, COALESCE((SELECT model_version FROM guide_results WHERE id = NEW.result_id), ''),
            NEW.status, NEW.id % 8, 1)
    ON CONFLICT (source, model_version, status, shard) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER lead_tallies_on_delete AFTER DELETE ON leads BEGIN
    UPDATE lead_tallies SET n = n - 1
    WHERE source = OLD.source AND status = OLD.status AND shard = OLD.id % 8
      AND model_version = COALESCE((SELECT model_version FROM guide_results WHERE id = OLD.result_id), '');
END;

-- When a lead last saw activity (its arrival or a change by staff or the visitor; not the
-- reminders the software sent), which the retention job compares with its cutoffs.
ALTER TABLE leads ADD COLUMN last_activity_at TEXT;
UPDATE leads SET last_activity_at = MAX(created_at, COALESCE(
    (SELECT MAX(e.at) FROM lead_events e WHERE e.lead_id = leads.id AND e.kind NOT IN ('reminded', 'overdue')),
    created_at));
CREATE INDEX leads_by_activity ON leads (status, last_activity_at) WHERE erased_at IS NULL;

CREATE TRIGGER leads_activity_on_insert AFTER INSERT ON leads WHEN NEW.last_activity_at IS NULL BEGIN
    UPDATE leads SET last_activity_at = NEW.created_at WHERE id = NEW.id;
END;

CREATE TRIGGER leads_activity_on_event AFTER INSERT ON lead_events
WHEN NEW.kind NOT IN ('reminded', 'overdue') BEGIN
    UPDATE leads SET last_activity_at = NEW.at
    WHERE id = NEW.lead_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
END;

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
-- index only narrows the candidates down; the search itself stays the `LIKE` it always was.
CREATE VIRTUAL TABLE lead_search USING fts5(search, content = 'leads', content_rowid = 'id', tokenize = 'trigram');
-- An erased lead's trigrams are removed from the index's pages at once, not only marked as
-- deleted, so nothing of what it said stays in the file.
INSERT INTO lead_search (lead_search, rank) VALUES ('secure-delete', 1);
INSERT INTO lead_search (lead_search) VALUES ('rebuild');

CREATE TRIGGER lead_search_on_insert AFTER INSERT ON leads BEGIN
    INSERT INTO lead_search (rowid, search) VALUES (NEW.id, NEW.search);
END;

CREATE TRIGGER lead_search_on_update AFTER UPDATE OF search ON leads BEGIN
    INSERT INTO lead_search (lead_search, rowid, search) VALUES ('delete', OLD.id, OLD.search);
    INSERT INTO lead_search (rowid, search) VALUES (NEW.id, NEW.search);
END;

CREATE TRIGGER lead_search_on_delete AFTER DELETE ON leads BEGIN
    INSERT INTO lead_search (lead_search, rowid, search) VALUES ('delete', OLD.id, OLD.search);
END;
