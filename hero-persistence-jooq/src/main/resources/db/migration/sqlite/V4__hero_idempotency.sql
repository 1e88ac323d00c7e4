-- Creates under an Idempotency-Key (issue 11): each key with the fingerprint of its create (SHA-256 over the key and
-- the command, never the secret name in clear), the id of the hero it created and when it expires (epoch
-- milliseconds). Written in the same transaction as the hero. docs/persistence.md says why.
CREATE TABLE hero_idempotency (
    idempotency_key TEXT    NOT NULL PRIMARY KEY,
    fingerprint     TEXT    NOT NULL,
    hero_id         BIGINT  NULL,
    expires_at      BIGINT  NOT NULL
) WITHOUT ROWID;

-- Expired keys are removed a few at a time, found through this index: never a scan of the table.
CREATE INDEX ix_hero_idempotency_expires_at ON hero_idempotency (expires_at);
