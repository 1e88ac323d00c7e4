package dev.hero.web;

import dev.hero.domain.port.in.HeroUseCases;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;

import java.util.List;
import java.util.Objects;

/**
 * The Hero REST API on Helidon SE: the one entry point of the web adapter. Wire it into a server with
 * <pre>{@code
 * WebServer.builder()
 *         .maxPayloadSize(limits.maxBodyBytes())
 *         .directHandlers(HeroWeb.directHandlers())
 *         .routing(routing -> HeroWeb.routing(routing, heroes, limits))
 * }</pre>
 * Routes, error shapes and decisions: docs/web.md.
 */
public final class HeroWeb {

    private HeroWeb() {
    }

    /**
     * Adds the hero routes ({@code /heroes}, {@code /heroes/{hero_id}}, each with or without a trailing
     * slash), {@code GET /openapi.json} and {@code GET /docs} (see {@link SelfDescription}) and the error mapper, which answers every failure with a JSON {@code {"detail": ...}} body:
     * also an unknown path (404) on this routing, so other features may add their own routes beside these.
     */
    public static void routing(HttpRouting.Builder routing, HeroUseCases heroes, WebLimits limits) {
        Objects.requireNonNull(routing, "routing");
        HeroEndpoints endpoints = new HeroEndpoints(Objects.requireNonNull(heroes, "heroes"),
                new JsonBodies(Objects.requireNonNull(limits, "limits")));
        endpoints.register(routing);
        new SelfDescription().register(routing);
        ErrorMapper.register(routing);
    }

    /**
     * Loads and initialises what the first request would otherwise wait for (the JSON mapper, the hero's public
     * shape, the error shapes). Optional: call it while something else starts, such as the database.
     */
    public static void warmUp() {
        Json.parse(Json.write(List.of(new HeroPublic(1, "Warm-up", null), new Detail("Warm-up"))));
    }

    /**
     * Answers the errors the server detects itself, before or outside routing (a malformed request line or
     * header, a header too large, a body over the server's max payload size), with a JSON
     * {@code {"detail": ...}} body instead of Helidon's plain text.
     */
    public static DirectHandlers directHandlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        JsonDirectHandler handler = new JsonDirectHandler();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }
}
