package com.example.heroes;

import dev.hero.domain.model.Hero;
import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.HeroesContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileHeroes} passes the contract every adapter of the port must pass (every test of {@link HeroesContract} runs
 * here), plus a test of its own: what it wrote is there after a restart.
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
}
