package com.example.heroes;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.HeroesContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileHeroes} passes the contract every adapter of the port must pass (every test of {@link HeroesContract} runs
 * here), plus tests of its own: what it wrote, heroes and idempotency keys, is there after a restart.
 */
class FileHeroesTest extends HeroesContract {

    @TempDir
    static Path directory;

    private static FileHeroes fileHeroes;

    /** Called before each test: the store must hold no heroes. One file for the whole class, emptied each time. */
    @Override
    protected Heroes emptyHeroes() {
        if (fileHeroes == null) {
            fileHeroes = new FileHeroes(directory.resolve("heroes.bin"));
        }
        fileHeroes.deleteAll();
        return fileHeroes;
    }

    @Test
    void givenHeroesWritten_whenTheFileIsOpenedAgain_thenEveryHeroIsThereAndNoIdIsReused() {
        Hero kept = heroes.add(aHero().named("Deadpond").aged(30).build());
        Hero deleted = heroes.add(aHero().named("Rusty-Man").withoutAge().build());
        heroes.delete(deleted.id());

        FileHeroes reopened = new FileHeroes(directory.resolve("heroes.bin"));

        assertThat(reopened.findById(kept.id())).contains(kept);
        assertThat(reopened.findById(deleted.id())).isEmpty();
        assertThat(reopened.add(aHero().build()).id()).isGreaterThan(deleted.id());
    }

    @Test
    void givenACreateUnderAKey_whenTheFileIsOpenedAgain_thenTheKeyStillAnswersItsHero() {
        Instant now = Instant.now();
        KeyedCreate create = new KeyedCreate(new IdempotencyKey("order-1"), "fingerprint", now, now.plusSeconds(3_600));
        Hero added = ((KeyedCreate.Added) heroes.add(aHero().build(), create)).hero();

        FileHeroes reopened = new FileHeroes(directory.resolve("heroes.bin"));

        assertThat(reopened.add(aHero().build(), create)).isEqualTo(new KeyedCreate.Stored("fingerprint", added.id()));
    }
}
