package dev.hero.persistence.jooq;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static dev.hero.persistence.jooq.generated.Tables.HERO_COUNT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;

/**
 * The check of {@code hero_count} on every start. Its triggers keep it true for every client that writes through them,
 * but one that does not (SQLite's {@code INSERT OR REPLACE} over an existing id deletes the old row without its delete
 * trigger; triggers dropped or disabled for an import) leaves it wrong, and pages by offset would then start at the
 * wrong hero. So each start compares the heroes the widest ranges count with the table's own {@code count(*)}, in
 * one write transaction that no other write can interleave with, and rebuilds every count from the table when they
 * differ, with one WARNING. A wrong count that leaves the total right (ids changed with the triggers off) is not seen.
 */
final class HeroCounts {

    private static final Logger LOG = System.getLogger(HeroCounts.class.getName());

    private HeroCounts() {
    }

    /** @return whether the counts were wrong, and so rebuilt */
    static boolean checkAndRepair(Store store) {
        return store.write(HeroCounts::checkAndRepair);
    }

    private static boolean checkAndRepair(DSLContext sql) {
        if (sql.dialect().family() == SQLDialect.POSTGRES) {
            // no write in between, nor another instance's check: SHARE ROW EXCLUSIVE conflicts with both
            sql.execute("LOCK TABLE hero IN SHARE ROW EXCLUSIVE MODE");
        }
        long heroes = sql.fetchValue(select(count().cast(Long.class)).from(HERO));
        BigDecimal counted = sql.fetchValue(select(coalesce(sum(HERO_COUNT.N), inline(BigDecimal.ZERO)))
                .from(HERO_COUNT).where(HERO_COUNT.SHIFT.eq(inline(ListSql.SHIFTS[0]))));
        if (counted.longValueExact() == heroes) {
            return false;
        }
        sql.deleteFrom(HERO_COUNT).execute();
        for (int shift : ListSql.SHIFTS) {
            sql.insertInto(HERO_COUNT, HERO_COUNT.SHIFT, HERO_COUNT.BUCKET, HERO_COUNT.SLOT, HERO_COUNT.N)
                    .select(select(inline(shift), HERO.ID.shr(inline(shift)), inline(0), count().cast(Long.class))
                            .from(HERO).groupBy(HERO.ID.shr(inline(shift))))
                    .execute();
        }
        LOG.log(Level.WARNING, "The counts per range of ids (hero_count) said " + counted + " heroes where the table holds "
                + heroes + ": a client wrote without their triggers (SQLite's INSERT OR REPLACE over an existing id, or "
                + "triggers dropped or disabled). Rebuilt them from the table; pages by offset are right again.");
        return true;
    }
}
