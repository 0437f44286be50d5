-- What the inbox's search looks in: name, email, company and message, lower-cased by the
-- application (SQLite's LOWER folds ASCII only, so "zoë" would not find "ZOË"). Filled for new
-- leads as they are stored and for older ones at start-up; emptied when a lead is erased.
ALTER TABLE leads ADD COLUMN search TEXT;
