-- Versions (issue 11): a hero's version, 1 when it is stored and one more after each update that changes a field.
-- The heroes already there, and rows another tool inserts without the column, get 1. An ETag is made of it, and a
-- conditional update or delete checks it in its WHERE clause. docs/persistence.md says why.
ALTER TABLE hero ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
