-- Start-up looks for leads stored before the search column existed (`search IS NULL`) to fill
-- it: this index of them, empty once they are filled, answers that at once instead of reading
-- every lead.
CREATE INDEX leads_without_search ON leads (id) WHERE search IS NULL;
