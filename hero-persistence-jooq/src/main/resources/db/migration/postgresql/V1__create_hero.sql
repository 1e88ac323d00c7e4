-- The hero table of the tutorial, on PostgreSQL: the same columns as the SQLite migration.
-- An identity column draws from a sequence, which never hands out an id twice (not even after
-- a delete or a rolled-back insert). ALWAYS: no statement can pick an id of its own.
-- Text lengths and the age range are the domain's rules, checked before any SQL runs.
CREATE TABLE hero (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT    NOT NULL,
    age         INTEGER NULL,
    secret_name TEXT    NOT NULL
);

-- The tutorial's two indexes (SQLModel's Field(index=True) on name and age).
CREATE INDEX ix_hero_name ON hero (name);
CREATE INDEX ix_hero_age ON hero (age);
