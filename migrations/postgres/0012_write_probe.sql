-- One row the readiness check rewrites while writes fail, to see when they work again.
CREATE TABLE write_probe (
    id BIGINT PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    filler TEXT NOT NULL
);
