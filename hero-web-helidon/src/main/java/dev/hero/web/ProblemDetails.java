package dev.hero.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.helidon.http.Status;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An error answer as RFC 9457 problem details, for a client that asked for {@code application/problem+json}
 * ({@link ErrorLayout}). It says what the default layout says: {@code detail} is the same sentence, and a 422's
 * {@code errors} are the same entries as its {@code detail} list (a 422's {@code detail} sums them up in one line).
 * Every problem is of the type {@code about:blank}: the status says what kind of problem it is, and {@code title} is
 * the status's phrase from RFC 9110.
 *
 * @param type   {@value #ABOUT_BLANK}
 * @param title  the status's phrase, such as {@code Not Found}
 * @param status the status code, as in the status line
 * @param detail what went wrong with this request, for a person
 * @param errors a 422's problems, one per input; {@code null} (left out) for every other status
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProblemDetails(String type, String title, int status, String detail, List<Problem> errors) {

    static final String ABOUT_BLANK = "about:blank";

    /**
     * @param detail a sentence, or the {@link Problem}s of a 422
     */
    static ProblemDetails of(Status status, Object detail) {
        if (detail instanceof List<?> list) {
            List<Problem> problems = list.stream().map(Problem.class::cast).toList();
            return new ProblemDetails(ABOUT_BLANK, title(status), status.code(), summary(problems), problems);
        }
        return new ProblemDetails(ABOUT_BLANK, title(status), status.code(), String.valueOf(detail), null);
    }

    /** RFC 9110's phrase: Helidon still writes the older phrases of 413 and 414 in the status line. */
    static String title(Status status) {
        return switch (status.code()) {
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            default -> ErrorAnswers.reasonPhrase(status);
        };
    }

    /** {@code query.limit: Input should be less than or equal to 100; body.name: Field required}. */
    private static String summary(List<Problem> problems) {
        return problems.stream()
                .map(problem -> problem.loc().stream().map(String::valueOf).collect(Collectors.joining(".")) + ": " + problem.msg())
                .collect(Collectors.joining("; "));
    }
}
