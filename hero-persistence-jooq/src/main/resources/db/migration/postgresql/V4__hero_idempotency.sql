-- Creates under an Idempotency-Key (issue 11), on PostgreSQL: the same table as the SQLite migration. Keys compare
-- byte for byte (COLLATE "C"). The primary key is what serialises two instances creating under one key: the second
-- insert waits for the first transaction and then finds its row.
CREATE TABLE hero_idempotency (
    idempotency_key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    fingerprint     TEXT    NOT NULL,
    hero_id         BIGINT  NULL,
    expires_at      BIGINT  NOT NULL
);

CREATE INDEX ix_hero_idempotency_expires_at ON hero_idempotency (expires_at);
