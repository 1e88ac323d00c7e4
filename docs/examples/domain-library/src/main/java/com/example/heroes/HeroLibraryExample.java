package com.example.heroes;

import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.service.HeroService;
import dev.hero.domain.testkit.InMemoryHeroes;

import java.io.PrintStream;

/**
 * hero-domain used as a library: the use cases ({@link HeroService}) over a store (here the test kit's in-memory one),
 * commands that validate themselves, and the violations a rejected command reports.
 */
public final class HeroLibraryExample {

    private HeroLibraryExample() {
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static void run(PrintStream out) {
        HeroUseCases heroes = new HeroService(new InMemoryHeroes());

        Hero deadpond = heroes.create(new NewHero("Deadpond", 30, "Dive Wilson"));
        heroes.create(new NewHero("Spider-Boy", null, "Pedro Parqueador"));
        out.println("created " + deadpond);                      // the secret name never shows: secretName=***

        // a partial update: keep the name and the secret name, clear the age
        Hero changed = heroes.update(deadpond.id(), new HeroChanges(FieldChange.keep(), FieldChange.to(null), FieldChange.keep()));
        out.println("updated " + changed);

        for (Hero hero : heroes.list(HeroQuery.page(0, 10)).heroes()) {
            out.println("listed " + hero.id() + " " + hero.name());
        }

        // a command that breaks rules is never created: the exception lists every broken rule, in field order
        try {
            new NewHero(" ", -1, "x".repeat(256));
        } catch (InvalidInputException e) {
            for (Violation violation : e.violations()) {
                out.println("rejected " + violation.field() + " " + violation.code()
                        + violation.limit().stream().mapToObj(limit -> " " + limit).findFirst().orElse("")
                        + ": " + violation.describe());
            }
        }

        heroes.delete(deadpond.id());
        try {
            heroes.get(deadpond.id());
        } catch (HeroNotFoundException e) {
            out.println("gone " + deadpond.id());
        }
    }
}
