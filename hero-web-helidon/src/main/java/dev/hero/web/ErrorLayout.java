package dev.hero.web;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Status;

import java.util.List;
import java.util.Locale;

/**
 * The two layouts of an error body, and which one a request asked for. FastAPI's {@code {"detail": ...}} as
 * {@code application/json} is the default, so the tutorial's clients see what they always saw; RFC 9457 problem
 * details as {@code application/problem+json} when the request's {@code Accept} lists that media type with a quality
 * at least as high as the one it gives {@code application/json} ({@link #of}).
 */
enum ErrorLayout {

    /** {@code {"detail": "Hero not found"}}, or {@code {"detail": [<problem>, ...]}} for a 422. */
    FASTAPI(HeaderValues.CONTENT_TYPE_JSON) {
        @Override
        Object body(Status status, Object detail) {
            return new Detail(detail);
        }
    },

    /** {@code {"type": "about:blank", "title": ..., "status": ..., "detail": ...}}, with {@code errors} for a 422. */
    PROBLEM(HeaderValues.create(HeaderNames.CONTENT_TYPE, ErrorLayout.PROBLEM_JSON)) {
        @Override
        Object body(Status status, Object detail) {
            return ProblemDetails.of(status, detail);
        }
    };

    static final String PROBLEM_JSON = "application/problem+json";

    private final Header contentType;

    ErrorLayout(Header contentType) {
        this.contentType = contentType;
    }

    Header contentType() {
        return contentType;
    }

    /**
     * The body of an error answer in this layout.
     *
     * @param detail a sentence, or the {@link Problem}s of a 422
     */
    abstract Object body(Status status, Object detail);

    /**
     * The layout the request's {@code Accept} asks for. Problem details only when {@code application/problem+json} is
     * listed by name with a quality above 0 and not below the quality {@code application/json} gets from its most
     * specific range ({@code application/json}, else {@code application/*}, else {@code *}{@code /*}, else 0). So
     * {@code *}{@code /*} or {@code application/*} alone keep the default, as does no {@code Accept} at all; a range
     * that cannot be read is skipped.
     */
    static ErrorLayout of(Headers headers) {
        if (!headers.contains(HeaderNames.ACCEPT)) {
            return FASTAPI;
        }
        return of(String.join(",", headers.get(HeaderNames.ACCEPT).allValues()));
    }

    /** {@link #of(Headers)} for the value of the {@code Accept} header fields, joined with commas. */
    static ErrorLayout of(String accept) {
        double problem = -1;
        double json = 0;
        int jsonSpecificity = -1;
        for (String range : accept.split(",")) {
            MediaRange parsed = MediaRange.parse(range);
            if (parsed == null) {
                continue;
            }
            if (parsed.type().equals("application/problem+json")) {
                problem = Math.max(problem, parsed.quality());
            }
            int specificity = switch (parsed.type()) {
                case "application/json" -> 2;
                case "application/*" -> 1;
                case "*/*" -> 0;
                default -> -1;
            };
            if (specificity > jsonSpecificity) {
                json = parsed.quality();
                jsonSpecificity = specificity;
            } else if (specificity >= 0 && specificity == jsonSpecificity) {
                json = Math.max(json, parsed.quality());
            }
        }
        return problem > 0 && problem >= json ? PROBLEM : FASTAPI;
    }

    /** One media range of an {@code Accept} header: its type in lower case and its quality from 0 to 1. */
    private record MediaRange(String type, double quality) {

        /** The range, or {@code null} when it is no {@code type/subtype} or its quality is no number from 0 to 1. */
        static MediaRange parse(String text) {
            List<String> parts = List.of(text.split(";", -1));
            String type = parts.getFirst().strip().toLowerCase(Locale.ROOT);
            int slash = type.indexOf('/');
            if (slash <= 0 || slash == type.length() - 1) {
                return null;
            }
            double quality = 1;
            for (String parameter : parts.subList(1, parts.size())) {
                int equals = parameter.indexOf('=');
                String name = (equals < 0 ? parameter : parameter.substring(0, equals)).strip();
                if (name.equalsIgnoreCase("q")) {
                    try {
                        quality = Double.parseDouble(equals < 0 ? "" : parameter.substring(equals + 1).strip());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                    if (!(quality >= 0 && quality <= 1)) {
                        return null;
                    }
                }
            }
            return new MediaRange(type, quality);
        }
    }
}
