package dev.hero.persistence.jooq;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:sqlite:database.db                                                 | jdbc:sqlite:database.db
            jdbc:postgresql://db:5432/heroes                                        | jdbc:postgresql://db:5432/heroes
            jdbc:postgresql://db/heroes?user=hero&password=s3cret                   | jdbc:postgresql://db/heroes?user=***&password=***
            jdbc:postgresql://db/heroes?ssl=true&PASSWORD=s3cret&ApplicationName=h  | jdbc:postgresql://db/heroes?ssl=true&PASSWORD=***&ApplicationName=h
            jdbc:postgresql://db/heroes?sslpassword=s3cret&sslkey=/k.pem            | jdbc:postgresql://db/heroes?sslpassword=***&sslkey=***
            jdbc:postgresql://hero:s3cret@db/heroes                                 | jdbc:postgresql://***@db/heroes
            jdbc:sqlserver://db;user=hero;password=s3cret;encrypt=true              | jdbc:sqlserver://db;user=***;password=***;encrypt=true
            """)
    void givenAUrl_whenRedacted_thenEveryCredentialIsHiddenAndTheRestStays(String url, String redacted) {
        assertThat(JdbcUrls.redact(url)).isEqualTo(redacted).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource({
            "jdbc:sqlite::memory:, true",
            "jdbc:sqlite:, true",
            "jdbc:sqlite:file::memory:?cache=shared, true",
            "jdbc:sqlite:file:heroes?mode=memory, true",
            "jdbc:sqlite:database.db, false",
            "jdbc:sqlite:/var/lib/hero/heroes.db, false"})
    void givenASqliteUrl_whenAskedWhetherItIsInMemory_thenOnlyMemoryUrlsAre(String url, boolean inMemory) {
        assertThat(JdbcUrls.isSqliteInMemory(url)).isEqualTo(inMemory);
    }
}
