-- The language a lead wrote in (the site's language code: 'en', 'es', ...): the inbox shows it
-- and a reply drafted there starts in it. Leads stored before the site had languages were all
-- sent in English.
ALTER TABLE leads ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
