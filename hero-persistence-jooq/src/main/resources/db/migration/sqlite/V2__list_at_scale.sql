-- Lists at scale (issue 10): how many heroes each range of ids holds, kept true by triggers, so that a page at
-- offset k in id order starts from the range where the k-th hero is instead of stepping over k rows; and the
-- indexes that let every order walk from a cursor without sorting the table. docs/persistence.md says why.

-- hero_count: the number of heroes whose id >> shift is bucket, at three widths: shift 10 (1,024 ids), 14 (16,384
-- ids: 16 of the narrow ranges) and 18 (262,144 ids: 16 of the middle ones). A range's count is the sum of its rows
-- over slot: PostgreSQL
-- spreads concurrent writers over slots so that they never wait on one row; on SQLite, with its one writer,
-- the slot is always 0. A count may be 0, or negative in one slot when heroes were counted in another.
CREATE TABLE hero_count (
    shift  INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    slot   INTEGER NOT NULL,
    n      INTEGER NOT NULL,
    PRIMARY KEY (shift, bucket, slot)
) WITHOUT ROWID;

-- The heroes already there (a table filled by another tool, or by Hero before this migration).
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 10, id >> 10, 0, count(*) FROM hero GROUP BY id >> 10;
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 14, id >> 14, 0, count(*) FROM hero GROUP BY id >> 14;
INSERT INTO hero_count (shift, bucket, slot, n) SELECT 18, id >> 18, 0, count(*) FROM hero GROUP BY id >> 18;

-- Every later insert and delete, by Hero or by any other client of the file, in the same transaction.
CREATE TRIGGER hero_counted AFTER INSERT ON hero
BEGIN
    INSERT INTO hero_count (shift, bucket, slot, n) VALUES (10, NEW.id >> 10, 0, 1), (14, NEW.id >> 14, 0, 1), (18, NEW.id >> 18, 0, 1)
        ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER hero_uncounted AFTER DELETE ON hero
BEGIN
    INSERT INTO hero_count (shift, bucket, slot, n) VALUES (10, OLD.id >> 10, 0, -1), (14, OLD.id >> 14, 0, -1), (18, OLD.id >> 18, 0, -1)
        ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = n + excluded.n;
END;

-- Hero never changes an id; another tool might.
CREATE TRIGGER hero_recounted AFTER UPDATE OF id ON hero WHEN OLD.id IS NOT NEW.id
BEGIN
    INSERT INTO hero_count (shift, bucket, slot, n)
        VALUES (10, OLD.id >> 10, 0, -1), (14, OLD.id >> 14, 0, -1), (18, OLD.id >> 18, 0, -1),
               (10, NEW.id >> 10, 0, 1), (14, NEW.id >> 14, 0, 1), (18, NEW.id >> 18, 0, 1)
        ON CONFLICT (shift, bucket, slot) DO UPDATE SET n = n + excluded.n;
END;

-- The descending orders break ties by id ascending: an index in exactly that order, so a page from a cursor is one
-- range of it. (The ascending orders use ix_hero_name and ix_hero_age, whose entries end with the id already.)
CREATE INDEX ix_hero_name_desc ON hero (name DESC, id);
CREATE INDEX ix_hero_age_desc ON hero (age DESC, id);
