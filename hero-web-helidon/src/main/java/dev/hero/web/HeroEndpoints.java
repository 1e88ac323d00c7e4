package dev.hero.web;

import dev.hero.domain.model.Creation;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.in.HeroUseCases;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * The five operations of the tutorial's API. Each handler reads the request into a command through the reader's
 * table ({@link HeroInput}; a problem fails with an exception that {@link ErrorMapper} answers), calls one use case
 * unless the stop has cut the request off meanwhile ({@link Drain}), and writes the public shape; an answer with one hero
 * carries its entity tag, and PATCH and DELETE honour {@code If-Match}, GET {@code If-None-Match} ({@link EntityTags}).
 */
final class HeroEndpoints {

    /** How many heroes match the list's filters in all, on every list answer. */
    static final HeaderName TOTAL_COUNT = HeaderNames.create("X-Total-Count");

    private final HeroUseCases heroes;
    private final JsonBodies bodies;

    HeroEndpoints(HeroUseCases heroes, JsonBodies bodies) {
        this.heroes = heroes;
        this.bodies = bodies;
    }

    void register(HttpRouting.Builder routing) {
        RoutePath collection = WebRoutes.HEROES.path();
        RoutePath item = WebRoutes.HERO.path();
        routing.route(Method.GET, collection, this::list)
                .route(Method.POST, collection, this::create)
                .route(method -> true, collection, methodNotAllowed("GET, POST"))
                .route(Method.GET, item, this::read)
                .route(Method.PATCH, item, this::update)
                .route(Method.DELETE, item, this::delete)
                .route(method -> true, item, methodNotAllowed("GET, PATCH, DELETE"));
    }

    /** The body stays the tutorial's plain array; the count and the next page's link travel in headers. */
    private void list(ServerRequest request, ServerResponse response) {
        RequestInput input = RequestInput.of(request);
        HeroQuery query = HeroInput.query(input);
        // the use cases may reject a query of their own accord; their violations are located like the reader's
        Drain.requireNotCutOff(request);
        HeroPage page = input.command(() -> heroes.list(query));
        response.header(TOTAL_COUNT, String.valueOf(page.total()));
        page.next().ifPresent(next -> response.header(HeaderNames.LINK, NextLink.of(query, next)));
        JsonResponses.send(request, response, Status.OK_200, page.heroes().stream().map(HeroPublic::from).toList());
    }

    private void create(ServerRequest request, ServerResponse response) {
        RequestInput input = RequestInput.of(request, bodies.readObject(request));
        NewHero command = HeroInput.newHero(input);
        Optional<IdempotencyKey> key = IdempotencyKeys.of(request.headers());
        Drain.requireNotCutOff(request);
        Hero created;
        if (key.isPresent()) {
            Creation creation = heroes.create(command, key.get());
            if (creation.replayed()) {
                response.header(IdempotencyKeys.IDEMPOTENT_REPLAYED, "true");
            }
            created = creation.hero();
        } else {
            created = heroes.create(command);
        }
        response.header(HeaderNames.LOCATION, "/heroes/" + created.id());
        sendHero(request, response, created);
    }

    /** With a matching {@code If-None-Match}: 304 with the tag and no body, the client's copy is current. */
    private void read(ServerRequest request, ServerResponse response) {
        long id = heroId(request);
        Drain.requireNotCutOff(request);
        Hero hero = heroes.get(id);
        if (EntityTags.noneMatchFails(request.headers(), hero)) {
            response.header(HeaderNames.ETAG, EntityTags.of(hero));
            if (Drain.mayAnswer(request)) {
                response.status(Status.NOT_MODIFIED_304).send();
            }
            return;
        }
        sendHero(request, response, hero);
    }

    private void update(ServerRequest request, ServerResponse response) {
        // like FastAPI: a body that is not a JSON object fails first; otherwise path and field problems come together
        RequestInput input = RequestInput.of(request, bodies.readObject(request));
        long id = HeroInput.heroId(input);
        HeroChanges changes = HeroInput.changes(input);
        Precondition precondition = EntityTags.ifMatch(request.headers(), id);
        Drain.requireNotCutOff(request);
        sendHero(request, response, heroes.update(id, changes, precondition));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        long id = heroId(request);
        Precondition precondition = EntityTags.ifMatch(request.headers(), id);
        Drain.requireNotCutOff(request);
        heroes.delete(id, precondition);
        JsonResponses.send(request, response, Status.OK_200, Deleted.OK);
    }

    /** Every answer with one hero: the public shape, and its entity tag. */
    private static void sendHero(ServerRequest request, ServerResponse response, Hero hero) {
        response.header(HeaderNames.ETAG, EntityTags.of(hero));
        JsonResponses.send(request, response, Status.OK_200, HeroPublic.from(hero));
    }

    private static long heroId(ServerRequest request) {
        RequestInput input = RequestInput.of(request);
        long id = HeroInput.heroId(input);
        input.throwIfAny();
        return id;
    }

    /** Registered after a path's real routes: any other method on that path is a 405 naming the allowed ones. */
    static Handler methodNotAllowed(String allowed) {
        return (request, response) -> {
            throw new HttpException("Method Not Allowed", Status.METHOD_NOT_ALLOWED_405, true)
                    .header(HeaderValues.create(HeaderNames.ALLOW, allowed));
        };
    }
}
