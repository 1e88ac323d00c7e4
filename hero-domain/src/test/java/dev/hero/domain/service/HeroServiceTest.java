package dev.hero.domain.service;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.Creation;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.IdempotencyKeyInFlightException;
import dev.hero.domain.model.IdempotencyKeyReusedException;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.PreconditionFailedException;
import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.InMemoryHeroes;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.domain.testkit.HeroBuilder.renameTo;
import static dev.hero.domain.testkit.HeroBuilder.setAge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use cases, over the in-memory adapter. */
class HeroServiceTest {

    private final CountingUpdates heroes = new CountingUpdates();
    private final HeroService service = new HeroService(heroes);

    @Test
    void givenNewHero_whenCreate_thenItCanBeReadBack() {
        Hero created = service.create(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        assertThat(service.get(created.id())).isEqualTo(new Hero(created.id(), "Deadpond", 30, "Dive Wilson", 1));
    }

    @Test
    void givenHeroes_whenList_thenAPageInIdOrder() {
        var created = IntStream.range(0, 5).mapToObj(i -> service.create(aHero().named("H" + i).build())).toList();

        assertThat(service.list(HeroQuery.page(1, 2)).heroes()).containsExactly(created.get(1), created.get(2));
    }

    @Test
    void givenUnknownId_whenGet_thenNotFound() {
        assertThatThrownBy(() -> service.get(404))
                .isInstanceOfSatisfying(HeroNotFoundException.class, e -> assertThat(e.id()).isEqualTo(404));
    }

    @Test
    void givenHero_whenUpdate_thenTheChangedHeroIsReturnedAndStored() {
        Hero hero = service.create(aHero().named("Deadpond").aged(30).build());

        Hero updated = service.update(hero.id(), setAge(null));

        assertThat(updated.age()).isNull();
        assertThat(updated.name()).isEqualTo("Deadpond");
        assertThat(service.get(hero.id())).isEqualTo(updated);
        assertThat(heroes.updates()).isEqualTo(1);
    }

    @Test
    void givenHero_whenUpdateWithNoChanges_thenItIsReturnedAsIsAndTheStoreIsNeverAskedToUpdate() {
        Hero hero = service.create(aHero().build());

        assertThat(service.update(hero.id(), HeroChanges.none())).isEqualTo(hero);
        assertThat(service.get(hero.id())).isEqualTo(hero);
        assertThat(heroes.updates()).isZero();
    }

    @Test
    void givenUnknownId_whenUpdate_thenNotFound() {
        assertThatThrownBy(() -> service.update(9, renameTo("x"))).isInstanceOf(HeroNotFoundException.class);
        assertThatThrownBy(() -> service.update(9, HeroChanges.none())).isInstanceOf(HeroNotFoundException.class);
    }

    @Test
    void givenHero_whenDelete_thenItIsGone() {
        Hero hero = service.create(aHero().build());

        service.delete(hero.id());

        assertThatThrownBy(() -> service.get(hero.id())).isInstanceOf(HeroNotFoundException.class);
        assertThatThrownBy(() -> service.delete(hero.id())).isInstanceOf(HeroNotFoundException.class);
    }

    @Test
    void givenStaleVersion_whenUpdateOrDelete_thenPreconditionFailedAndNothingChanges() {
        Hero hero = service.create(aHero().named("Deadpond").build());
        Hero current = service.update(hero.id(), renameTo("Deadpool"));
        Precondition stale = Precondition.versionIn(Set.of(hero.version()));

        assertThatThrownBy(() -> service.update(hero.id(), renameTo("Lost"), stale)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> service.update(hero.id(), HeroChanges.none(), stale)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> service.delete(hero.id(), stale)).isInstanceOf(PreconditionFailedException.class);
        assertThat(service.get(hero.id())).isEqualTo(current);
    }

    @Test
    void givenCurrentVersion_whenUpdateWithNoChanges_thenTheHeroAsItIs() {
        Hero hero = service.create(aHero().build());

        assertThat(service.update(hero.id(), HeroChanges.none(), Precondition.versionIn(Set.of(hero.version())))).isEqualTo(hero);
        assertThat(service.update(hero.id(), HeroChanges.none(), Precondition.exists())).isEqualTo(hero);
    }

    @Test
    void givenUnknownId_whenConditionalUpdateOrDelete_thenPreconditionFailedNotNotFound() {
        assertThatThrownBy(() -> service.update(9, renameTo("x"), Precondition.exists())).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> service.update(9, HeroChanges.none(), Precondition.exists())).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> service.delete(9, Precondition.versionIn(Set.of(1L)))).isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void givenAKey_whenCreateTwiceWithTheSameHero_thenOneHeroAndTheSecondAnswerIsTheFirstReplayed() {
        IdempotencyKey key = new IdempotencyKey("order-7");

        Creation first = service.create(aHero().named("Deadpond").aged(30).build(), key);
        service.update(first.hero().id(), renameTo("Deadpool"));
        Creation again = service.create(aHero().named("Deadpond").aged(30).build(), key);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.hero()).isEqualTo(first.hero());
        assertThat(service.list(HeroQuery.page(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void givenAKey_whenCreateWithAnotherHero_thenReusedAndNothingCreated() {
        IdempotencyKey key = new IdempotencyKey("order-7");
        service.create(aHero().withSecretName("one").build(), key);

        assertThatThrownBy(() -> service.create(aHero().withSecretName("two").build(), key))
                .isInstanceOf(IdempotencyKeyReusedException.class).hasMessageNotContaining("two");
        assertThat(service.list(HeroQuery.page(0, 10)).total()).isEqualTo(1);
    }

    @Test
    void givenAKeyOlderThanItsLifetime_whenCreateAgain_thenANewHero() {
        Instant[] now = {Instant.parse("2025-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        HeroService shortLived = new HeroService(new InMemoryHeroes(), Duration.ofHours(24), clock);
        IdempotencyKey key = new IdempotencyKey("k");

        Creation first = shortLived.create(aHero().build(), key);
        now[0] = now[0].plus(Duration.ofHours(24)).minusSeconds(1);
        assertThat(shortLived.create(aHero().build(), key).replayed()).isTrue();
        now[0] = now[0].plusSeconds(1);
        Creation afterExpiry = shortLived.create(aHero().build(), key);

        assertThat(afterExpiry.replayed()).isFalse();
        assertThat(afterExpiry.hero().id()).isNotEqualTo(first.hero().id());
    }

    @Test
    void givenACreateUnderAKeyStillRunning_whenAnotherComesWithTheKey_thenInFlightAndAfterwardsItReplays() throws Exception {
        IdempotencyKey key = new IdempotencyKey("slow");
        heroes.keyedAddMayGoOn = new CountDownLatch(1);
        CompletableFuture<Creation> first = CompletableFuture.supplyAsync(() -> service.create(aHero().build(), key));
        while (!heroes.keyedAddIsWaiting()) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> service.create(aHero().build(), key)).isInstanceOf(IdempotencyKeyInFlightException.class);

        heroes.keyedAddMayGoOn.countDown();
        assertThat(first.get().replayed()).isFalse();
        assertThat(service.create(aHero().build(), key).replayed()).isTrue();
    }

    @Test
    void givenNoStore_whenConstructed_thenRejected() {
        assertThatThrownBy(() -> new HeroService(null)).isInstanceOf(NullPointerException.class);
    }

    /** The in-memory adapter, counting the updates that reach it. */
    private static final class CountingUpdates implements Heroes {

        private final Heroes heroes = new InMemoryHeroes();
        private int updates;
        private volatile boolean waiting;

        boolean keyedAddIsWaiting() {
            return waiting;
        }

        /** Holds every keyed add until counted down. */
        private CountDownLatch keyedAddMayGoOn = new CountDownLatch(0);

        int updates() {
            return updates;
        }

        @Override
        public Hero add(NewHero hero) {
            return heroes.add(hero);
        }

        @Override
        public KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
            waiting = true;
            try {
                keyedAddMayGoOn.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return heroes.add(hero, create);
        }

        @Override
        public Optional<Hero> findById(long id) {
            return heroes.findById(id);
        }

        @Override
        public HeroPage find(HeroQuery query) {
            return heroes.find(query);
        }

        @Override
        public Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
            updates++;
            return heroes.update(id, changes, precondition);
        }

        @Override
        public boolean delete(long id, Precondition precondition) {
            return heroes.delete(id, precondition);
        }
    }
}
