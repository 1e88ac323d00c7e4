package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.HeroesContract;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The port contract on one kind of database, and what the SQL adapter adds to it there: the migrated
 * table is the generated one, and the fixed reads select its columns in the order {@link HeroTable} reads them.
 */
abstract class JooqHeroesContract extends HeroesContract {

    /** The database for the whole class; emptied before each test. */
    protected abstract HeroDatabase database();

    @Override
    protected Heroes emptyHeroes() {
        TestDatabases.deleteAllHeroes(database());
        return database().heroes();
    }

    @Test
    void givenTheMigratedTable_whenTheFixedReadsRun_thenTheySelectEveryColumnInTheOrderOfTheGeneratedFields() {
        List<String> generated = Stream.of(HERO.fields()).map(Field::getName).toList();

        assertThat(columns("SELECT * FROM hero")).as("the migrated table").containsExactlyInAnyOrderElementsOf(generated);
        assertThat(columns(JooqHeroes.FIND_BY_ID, 1)).as(JooqHeroes.FIND_BY_ID).containsExactlyElementsOf(generated);
    }

    /** The names of the columns the query returns, in order. */
    private List<String> columns(String query, long... parameters) {
        return database().store().read(sql -> sql.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setLong(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        names.add(columns.getColumnName(i));
                    }
                    return names;
                }
            }
        }));
    }
}
