-- Versions (issue 11), on PostgreSQL: the same column as the SQLite migration. A constant default fills the heroes
-- already there without rewriting the table; rows another tool inserts without the column get 1 too.
ALTER TABLE hero ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
