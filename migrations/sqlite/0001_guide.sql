-- Stored guide results: a permanent link to one set of answers and what the guide said.
CREATE TABLE guide_results (
    id             TEXT PRIMARY KEY NOT NULL,
    answers        TEXT NOT NULL,  -- JSON object: question id -> answer
    recommendation TEXT NOT NULL,  -- JSON, as computed when stored
    model_version  TEXT NOT NULL,
    created_at     TEXT NOT NULL   -- RFC 3339, UTC
) STRICT;

-- Anonymous funnel counts: no cookies, no personal data, one row per version, event, step and day.
CREATE TABLE guide_funnel (
    model_version TEXT NOT NULL,
    event         TEXT NOT NULL CHECK (event IN ('view', 'complete')),
    step          INTEGER NOT NULL,
    day           TEXT NOT NULL,   -- YYYY-MM-DD, UTC
    count         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (model_version, event, step, day)
) STRICT;
