package dev.hero.web;

import io.helidon.common.mapper.OptionalValue;
import io.helidon.common.mapper.Value;
import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers.MatchResult;
import io.helidon.http.PathMatchers.PrefixMatchResult;
import io.helidon.http.RoutedPath;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A path of the API, matched by string checks on the decoded path (no regular expression per request), both by
 * Helidon's routing and by {@link WebRoutes#resolve}, so the route a request is counted under is the route that
 * serves it. Three shapes:
 * <ul>
 *     <li>{@link #exact}: one path ({@code /openapi.json});</li>
 *     <li>{@link #withOptionalSlash}: a path with or without a trailing slash ({@code /heroes}, {@code /heroes/});</li>
 *     <li>{@link #item}: one non-empty segment below a path, with or without a trailing slash
 *     ({@code /heroes/{hero_id}}), the segment named as a path parameter;</li>
 *     <li>{@link #under}: a path and everything below it, for a service registered there ({@code /docs}).</li>
 * </ul>
 * The item's path parameter answers {@code get}/{@code contains} without Helidon's global mapper manager, which
 * Helidon 4.2 looks up in its service registry each time a parameter map is made while none was ever set.
 */
final class RoutePath implements PathMatcher {

    private enum Shape { EXACT, OPTIONAL_SLASH, ITEM, UNDER }

    private final Shape shape;
    private final String base;
    private final String parameter;

    private RoutePath(Shape shape, String base, String parameter) {
        this.shape = shape;
        this.base = base;
        this.parameter = parameter;
    }

    static RoutePath exact(String path) {
        return new RoutePath(Shape.EXACT, path, null);
    }

    static RoutePath withOptionalSlash(String path) {
        return new RoutePath(Shape.OPTIONAL_SLASH, path, null);
    }

    static RoutePath item(String collection, String parameter) {
        return new RoutePath(Shape.ITEM, collection + "/", parameter);
    }

    static RoutePath under(String path) {
        return new RoutePath(Shape.UNDER, path, null);
    }

    /** The path as Helidon's routing takes it for a service registered under it. */
    String base() {
        return base;
    }

    /** Whether this route serves the decoded path. */
    boolean accepts(String path) {
        return switch (shape) {
            case EXACT -> path.equals(base);
            case OPTIONAL_SLASH -> path.startsWith(base)
                    && (path.length() == base.length() || path.length() == base.length() + 1 && path.endsWith("/"));
            case ITEM -> itemEnd(path) > 0;
            case UNDER -> path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
        };
    }

    @Override
    public MatchResult match(UriPath path) {
        String decoded = path.path();
        if (shape == Shape.ITEM) {
            int end = itemEnd(decoded);
            return end < 0 ? MatchResult.notAccepted()
                    : new MatchResult(true, new Routed(path, new OneParameter(parameter, decoded.substring(base.length(), end))));
        }
        return accepts(decoded) ? new MatchResult(true, new Routed(path, Parameters.empty(OneParameter.COMPONENT))) : MatchResult.notAccepted();
    }

    @Override
    public PrefixMatchResult prefixMatch(UriPath path) {
        return PrefixMatchResult.notAccepted();
    }

    @Override
    public String toString() {
        return switch (shape) {
            case EXACT -> base;
            case OPTIONAL_SLASH -> base + "[/]";
            case ITEM -> base + "{" + parameter + "}[/]";
            case UNDER -> base + "/*";
        };
    }

    /** Where the item's segment ends in the path (before a trailing slash), or -1 when the path is no item of this route. */
    private int itemEnd(String path) {
        if (!path.startsWith(base)) {
            return -1;
        }
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        if (end <= base.length() || path.lastIndexOf('/', end - 1) >= base.length()) {
            return -1;
        }
        return end;
    }

    private record Routed(UriPath uri, Parameters pathParameters) implements RoutedPath {
        @Override
        public String rawPath() {
            return uri.rawPath();
        }

        @Override
        public String rawPathNoParams() {
            return uri.rawPathNoParams();
        }

        @Override
        public String path() {
            return uri.path();
        }

        @Override
        public Parameters matrixParameters() {
            return uri.matrixParameters();
        }

        @Override
        public void validate() {
            uri.validate();
        }

        @Override
        public RoutedPath absolute() {
            return this;
        }
    }

    /** The one path parameter; typed access ({@link #first}, {@link #allValues}) goes through Helidon's own implementation. */
    private record OneParameter(String name, String value) implements Parameters {
        private static final String COMPONENT = "http/path";

        @Override
        public List<String> all(String name) {
            return List.of(get(name));
        }

        @Override
        public List<Value<String>> allValues(String name) {
            return typed().allValues(name);
        }

        @Override
        public String get(String name) {
            if (!contains(name)) {
                throw new NoSuchElementException("No path parameter " + name);
            }
            return value;
        }

        @Override
        public OptionalValue<String> first(String name) {
            return typed().first(name);
        }

        @Override
        public boolean contains(String name) {
            return this.name.equals(name);
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public String component() {
            return COMPONENT;
        }

        private Parameters typed() {
            return Parameters.createSingleValueMap(COMPONENT, Map.of(name, value));
        }
    }
}
