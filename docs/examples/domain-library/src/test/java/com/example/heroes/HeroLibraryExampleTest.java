package com.example.heroes;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The program prints what the library did; each line is what a user of hero-domain can rely on. */
class HeroLibraryExampleTest {

    @Test
    void givenTheExample_whenRun_thenItCreatesUpdatesListsRejectsAndDeletes() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        HeroLibraryExample.run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(printed.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "created Hero[id=1, name=Deadpond, age=30, secretName=***, version=1]",
                "updated Hero[id=1, name=Deadpond, age=null, secretName=***, version=2]",
                "listed 1 Deadpond",
                "listed 2 Spider-Boy",
                "rejected name BLANK: name must have a character that is not whitespace",
                "rejected age TOO_SMALL 0: age must be at least 0",
                "rejected secretName TOO_LONG 255: secretName must have at most 255 characters",
                "gone 1");
    }
}
