package dev.hero.domain.testkit;

import dev.hero.domain.port.out.Heroes;

/** The in-memory adapter passes the port contract. */
class InMemoryHeroesTest extends HeroesContract {

    @Override
    protected Heroes emptyHeroes() {
        return new InMemoryHeroes();
    }
}
