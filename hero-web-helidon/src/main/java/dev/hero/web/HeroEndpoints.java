package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.PageRequest;
import dev.hero.domain.port.in.HeroUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.List;

/**
 * The five operations of the tutorial's API. Each handler turns the request into a command (or fails
 * with an exception that {@link ErrorMapper} answers), calls one use case, and writes the public shape.
 */
final class HeroEndpoints {

    /** The path parameter, named as in the tutorial, so a 422 says {@code ["path", "hero_id"]}. */
    static final String HERO_ID = "hero_id";
    /** {@code /heroes} and {@code /heroes/}: both answered directly, never redirected. */
    static final String COLLECTION = "/heroes[/]";
    /** {@code /heroes/{hero_id}} and {@code /heroes/{hero_id}/}. */
    static final PathMatcher ITEM = new HeroItemPath(HERO_ID);

    private final HeroUseCases heroes;
    private final JsonBodies bodies;

    HeroEndpoints(HeroUseCases heroes, JsonBodies bodies) {
        this.heroes = heroes;
        this.bodies = bodies;
    }

    void register(HttpRouting.Builder routing) {
        routing.get(COLLECTION, this::list)
                .post(COLLECTION, this::create)
                .any(COLLECTION, methodNotAllowed("GET, POST"))
                .route(Method.GET, ITEM, this::read)
                .route(Method.PATCH, ITEM, this::update)
                .route(Method.DELETE, ITEM, this::delete)
                .route(method -> true, ITEM, methodNotAllowed("GET, PATCH, DELETE"));
    }

    private void list(ServerRequest request, ServerResponse response) {
        InputCheck input = new InputCheck();
        long offset = input.queryLong(request.query(), "offset", PageRequest.DEFAULT_OFFSET);
        int limit = input.queryInt(request.query(), "limit", PageRequest.DEFAULT_LIMIT);
        PageRequest page = input.command(Problem.QUERY, () -> new PageRequest(offset, limit));
        List<HeroPublic> found = heroes.list(page).stream().map(HeroPublic::from).toList();
        JsonResponses.send(request, response, Status.OK_200, found);
    }

    private void create(ServerRequest request, ServerResponse response) {
        JsonNode body = bodies.readObject(request);
        InputCheck input = new InputCheck();
        String name = input.requiredText(body, "name");
        Integer age = input.optionalInt(body, "age");
        String secretName = input.requiredText(body, "secret_name");
        NewHero command = input.command(Problem.BODY, () -> new NewHero(name, age, secretName));
        Hero created = heroes.create(command);
        response.header(HeaderNames.LOCATION, "/heroes/" + created.id());
        JsonResponses.send(request, response, Status.OK_200, HeroPublic.from(created));
    }

    private void read(ServerRequest request, ServerResponse response) {
        long id = heroId(request);
        JsonResponses.send(request, response, Status.OK_200, HeroPublic.from(heroes.get(id)));
    }

    private void update(ServerRequest request, ServerResponse response) {
        // like FastAPI: a body that is not a JSON object fails first; otherwise path and field problems come together
        JsonNode body = bodies.readObject(request);
        InputCheck input = new InputCheck();
        long id = input.pathLong(request.path().pathParameters(), HERO_ID);
        FieldChange<String> name = input.textChange(body, "name");
        FieldChange<Integer> age = input.intChange(body, "age");
        FieldChange<String> secretName = input.textChange(body, "secret_name");
        HeroChanges changes = input.command(Problem.BODY, () -> new HeroChanges(name, age, secretName));
        JsonResponses.send(request, response, Status.OK_200, HeroPublic.from(heroes.update(id, changes)));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        heroes.delete(heroId(request));
        JsonResponses.send(request, response, Status.OK_200, Deleted.OK);
    }

    private static long heroId(ServerRequest request) {
        InputCheck input = new InputCheck();
        long id = input.pathLong(request.path().pathParameters(), HERO_ID);
        input.throwIfAny();
        return id;
    }

    /** Registered after a path's real routes: any other method on that path is a 405 naming the allowed ones. */
    private static Handler methodNotAllowed(String allowed) {
        return (request, response) -> {
            throw new HttpException("Method Not Allowed", Status.METHOD_NOT_ALLOWED_405, true)
                    .header(HeaderValues.create(HeaderNames.ALLOW, allowed));
        };
    }
}
