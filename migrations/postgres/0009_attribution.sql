-- Where a lead's visitor came from: the campaign tags of the link they arrived by and the site
-- that sent them, carried in the site's URLs (no cookie). `source` is the one word leads are
-- counted and filtered by (the campaign's source, else the referring site, else 'direct'),
-- worked out by the application; leads stored before this came in are 'direct'.
ALTER TABLE leads ADD COLUMN utm_source TEXT;
ALTER TABLE leads ADD COLUMN utm_medium TEXT;
ALTER TABLE leads ADD COLUMN utm_campaign TEXT;
ALTER TABLE leads ADD COLUMN referrer TEXT;
ALTER TABLE leads ADD COLUMN source TEXT NOT NULL DEFAULT 'direct';

CREATE INDEX leads_by_source ON leads (source, status);
