-- What the inbox's search looks in: name, email, company and message, lower-cased by the
-- application (the same folding on both databases, whatever the server's locale). Filled for
-- new leads as they are stored and for older ones at start-up; emptied when a lead is erased.
ALTER TABLE leads ADD COLUMN search TEXT;
