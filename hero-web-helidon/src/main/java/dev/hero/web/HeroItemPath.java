package dev.hero.web;

import io.helidon.common.parameters.Parameters;
import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers.MatchResult;
import io.helidon.http.PathMatchers.PrefixMatchResult;
import io.helidon.http.RoutedPath;

import java.util.Map;

/**
 * Matches {@code /heroes/{hero_id}} and {@code /heroes/{hero_id}/} (one non-empty segment, decoded) by string
 * checks, and names that segment {@code hero_id}: what the pattern {@code /heroes/{hero_id}[/]} matches, at a
 * fraction of its cost on every request (a regular expression and a map of matcher groups; docs/performance.md).
 */
final class HeroItemPath implements PathMatcher {

    private static final String PREFIX = "/heroes/";

    private final String parameter;

    HeroItemPath(String parameter) {
        this.parameter = parameter;
    }

    @Override
    public MatchResult match(UriPath path) {
        String decoded = path.path();
        if (!decoded.startsWith(PREFIX)) {
            return MatchResult.notAccepted();
        }
        int end = decoded.endsWith("/") ? decoded.length() - 1 : decoded.length();
        if (end <= PREFIX.length() || decoded.lastIndexOf('/', end - 1) >= PREFIX.length()) {
            return MatchResult.notAccepted();
        }
        Parameters parameters = Parameters.createSingleValueMap("http/path",
                Map.of(parameter, decoded.substring(PREFIX.length(), end)));
        return new MatchResult(true, new Routed(path, parameters));
    }

    @Override
    public PrefixMatchResult prefixMatch(UriPath path) {
        return PrefixMatchResult.notAccepted();
    }

    @Override
    public String toString() {
        return PREFIX + "{" + parameter + "}[/]";
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
}
