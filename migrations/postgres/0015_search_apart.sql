-- What a change to a lead writes, at a million leads: a lead's row was written twice on arrival
-- (the row, then the trigger's update of its last activity), and every change wrote a new
-- version of the row into every index on it, the trigram index of its search text (a hundred
-- and more entries a lead) included, though a change by staff never changes that text.

-- The search text's trigrams live beside the leads, in a table written only when a lead
-- arrives, its text changes (erasure) or it is deleted, as SQLite's full-text table is. A
-- search asks it for the few leads holding the text's trigrams; the `LIKE` on the lead's own
-- search column still decides. An erased lead's text leaves it.
CREATE TABLE lead_search (
    lead_id BIGINT PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
    search  TEXT NOT NULL
);
INSERT INTO lead_search (lead_id, search) SELECT id, search FROM leads WHERE search IS NOT NULL;
DROP INDEX leads_search_trigrams;
CREATE INDEX lead_search_trigrams ON lead_search USING gin (search gin_trgm_ops);

CREATE FUNCTION lead_search_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF COALESCE(NEW.search, '') = '' THEN
        DELETE FROM lead_search WHERE lead_id = NEW.id;
    ELSE
        INSERT INTO lead_search (lead_id, search) VALUES (NEW.id, NEW.search)
        ON CONFLICT (lead_id) DO UPDATE SET search = EXCLUDED.search;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER lead_search_on_insert AFTER INSERT ON leads
FOR EACH ROW EXECUTE FUNCTION lead_search_follow();
CREATE TRIGGER lead_search_on_update AFTER UPDATE OF search ON leads
FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search) EXECUTE FUNCTION lead_search_follow();

-- A new lead's last activity is its arrival, set in the row as it is written rather than by a
-- second update of it.
CREATE FUNCTION leads_activity_on_arrival() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.last_activity_at := NEW.created_at;
    RETURN NEW;
END $$;

DROP TRIGGER leads_activity_on_insert ON leads;
CREATE TRIGGER leads_activity_on_insert BEFORE INSERT ON leads
FOR EACH ROW WHEN (NEW.last_activity_at IS NULL) EXECUTE FUNCTION leads_activity_on_arrival();
