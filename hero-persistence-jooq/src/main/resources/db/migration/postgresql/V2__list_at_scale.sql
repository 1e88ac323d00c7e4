-- Lists at scale (issue 10), on PostgreSQL: the same table of counts and indexes as the SQLite migration, and names
-- compared by code point. docs/persistence.md says why.

-- Names order and compare by Unicode code point, as on SQLite: the "C" collation compares UTF-8 bytes. Equality is
-- the same in every deterministic collation, so the name filter finds the same heroes as before.
DROP INDEX ix_hero_name;
DROP INDEX ix_hero_age;
ALTER TABLE hero ALTER COLUMN name TYPE TEXT COLLATE "C";

-- Every order ends with the id ascending: each has an index in exactly its order, so a page from a cursor is one
-- range of an index.
CREATE INDEX ix_hero_name ON hero (name, id);
CREATE INDEX ix_hero_name_desc ON hero (name DESC, id);
CREATE INDEX ix_hero_age ON hero (age, id);
CREATE INDEX ix_hero_age_desc ON hero (age DESC, id);

-- hero_count: the number of heroes whose id >> shift is bucket, at three widths: shift 10 (1,024 ids), 14 (16,384
-- ids) and 18 (262,144 ids). A range's count is the sum of its rows over slot. Every row a transaction changes stays
-- locked until it commits, so concurrent inserts that all counted into one row would commit one after another; each
-- connection counts into the slot of its server process instead (pg_backend_pid() % 16), and concurrent inserts wait
-- for each other only when two connections share a slot.
CREATE TABLE hero_count (
    shift  INTEGER NOT NULL,
    bucket BIGINT  NOT NULL,
    slot   INTEGER NOT NULL,
    n      BIGINT  NOT NULL,
    PRIMARY KEY (shift, bucket, slot)
);

-- The heroes already there. The ALTER TABLE above holds hero locked against writes until this migration commits.
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 10, id >> 10, 0, count(*) FROM hero GROUP BY id >> 10;
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 14, id >> 14, 0, count(*) FROM hero GROUP BY id >> 14;
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 18, id >> 18, 0, count(*) FROM hero GROUP BY id >> 18;

-- Once per statement, over the rows it inserted or deleted (a bulk import adds a few rows here, not one per hero),
-- in the order of the key, so that two statements never lock the same rows in opposite orders. The table is named
-- with its schema: another client may insert with another search_path.
CREATE FUNCTION hero_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO "${flyway:defaultSchema}".hero_count (shift, bucket, slot, n)
        SELECT width.shift, changed.id >> width.shift, pg_backend_pid() % 16, count(*)
        FROM inserted AS changed CROSS JOIN (VALUES (10), (14), (18)) AS width (shift)
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = hero_count.n + excluded.n;
    ELSE
        INSERT INTO "${flyway:defaultSchema}".hero_count (shift, bucket, slot, n)
        SELECT width.shift, changed.id >> width.shift, pg_backend_pid() % 16, -count(*)
        FROM deleted AS changed CROSS JOIN (VALUES (10), (14), (18)) AS width (shift)
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = hero_count.n + excluded.n;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER hero_counted AFTER INSERT ON hero
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION hero_count_rows();
CREATE TRIGGER hero_uncounted AFTER DELETE ON hero
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION hero_count_rows();

-- Hero never changes an id (it is GENERATED ALWAYS: only SET id = DEFAULT can), nor truncates; another client might.
CREATE FUNCTION hero_count_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "${flyway:defaultSchema}".hero_count (shift, bucket, slot, n)
    SELECT width.shift, moved.id >> width.shift, pg_backend_pid() % 16, sum(moved.n)
    FROM (VALUES (OLD.id, -1), (NEW.id, 1)) AS moved (id, n) CROSS JOIN (VALUES (10), (14), (18)) AS width (shift)
    GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = hero_count.n + excluded.n;
    RETURN NULL;
END
$$;

CREATE TRIGGER hero_recounted AFTER UPDATE OF id ON hero
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION hero_count_moved();

CREATE FUNCTION hero_count_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "${flyway:defaultSchema}".hero_count;
    RETURN NULL;
END
$$;

CREATE TRIGGER hero_truncated AFTER TRUNCATE ON hero FOR EACH STATEMENT EXECUTE FUNCTION hero_count_emptied();
