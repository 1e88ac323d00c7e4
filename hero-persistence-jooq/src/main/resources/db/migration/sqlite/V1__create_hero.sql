-- The hero table of the tutorial, on SQLite.
-- AUTOINCREMENT: an id is never handed out twice, not even the id of a deleted newest row
-- (a plain INTEGER PRIMARY KEY would reuse it). INTEGER is 64-bit in SQLite.
-- Text lengths and the age range are the domain's rules, checked before any SQL runs.
CREATE TABLE hero (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    age         INTEGER NULL,
    secret_name TEXT    NOT NULL
);

-- The tutorial's two indexes (SQLModel's Field(index=True) on name and age).
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_age ON hero (age);
