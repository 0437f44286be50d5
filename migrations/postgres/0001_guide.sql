-- Stored guide results: a permanent link to one set of answers and what the guide said.
CREATE TABLE guide_results (
    id             TEXT PRIMARY KEY,
    answers        JSONB NOT NULL,
    recommendation JSONB NOT NULL,
    model_version  TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- Anonymous funnel counts: no cookies, no personal data, one row per version, event, step and day.
CREATE TABLE guide_funnel (
    model_version TEXT NOT NULL,
    event         TEXT NOT NULL CHECK (event IN ('view', 'complete')),
    step          INTEGER NOT NULL,
    day           DATE NOT NULL,
    count         BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (model_version, event, step, day)
);
