package dev.hero.web;

import java.util.List;
import java.util.Optional;

/**
 * The adapter's URL space: each route's template and path, in one table. The endpoints register their handlers on
 * these paths, and {@link #resolve} answers which route a path belongs to from the same table, for the metrics and
 * the access log ({@link HeroWeb#route}): a route added here is counted under its own template.
 */
final class WebRoutes {

    /** {@code /heroes} and {@code /heroes/}: both answered directly, never redirected. */
    static final Route HEROES = new Route("/heroes/", RoutePath.withOptionalSlash("/heroes"));
    /** {@code /heroes/{hero_id}} and {@code /heroes/{hero_id}/}. */
    static final Route HERO = new Route("/heroes/{hero_id}", RoutePath.item("/heroes", HeroInput.HERO_ID.name()));
    static final Route OPENAPI = new Route("/openapi.json", RoutePath.exact("/openapi.json"));
    /** The Swagger UI page and its files. */
    static final Route DOCS = new Route("/docs", RoutePath.under("/docs"));

    private static final List<Route> ALL = List.of(HEROES, HERO, OPENAPI, DOCS);

    private WebRoutes() {
    }

    /** The route serving this decoded path, if the adapter has one. */
    static Optional<Route> resolve(String path) {
        for (Route route : ALL) {
            if (route.path().accepts(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * One route.
     *
     * @param template how logs and metrics name it (never the raw path: clients could grow the number of series)
     * @param path     what it matches
     */
    record Route(String template, RoutePath path) {
    }
}
