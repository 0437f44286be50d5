-- A lead's last activity on arrival is written by the statement that stores the lead, and the
-- before-insert trigger of 0015 only fills it where a statement left it out (0015's comment
-- "written twice on arrival" was wrong: the after-insert trigger of 0013 never fired). The
-- function events call keeps only what they need.
CREATE OR REPLACE FUNCTION leads_activity_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE leads SET last_activity_at = NEW.at
    WHERE id = NEW.lead_id AND (last_activity_at IS NULL OR last_activity_at < NEW.at);
    RETURN NULL;
END $$;
