-- One row the readiness check rewrites while writes fail, to see when they work again.
CREATE TABLE write_probe (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    filler TEXT NOT NULL
);
