package dev.hero.web;

import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.InvalidInputException;
import dev.hero.domain.model.PageRequest;
import dev.hero.domain.port.out.HeroesUnavailableException;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The one place where exceptions become HTTP answers, each a JSON {@code {"detail": ...}} body in the
 * tutorial's shapes. Helidon signals "no route matched" with {@link io.helidon.http.NotFoundException} only
 * after every route of the routing (including those other features add) declined, so answering it here
 * shadows nothing.
 */
final class ErrorMapper {

    private static final Logger LOG = System.getLogger(ErrorMapper.class.getName());
    private static final Header RETRY_AFTER = HeaderValues.create(HeaderNames.RETRY_AFTER, "1");

    private ErrorMapper() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.error(InvalidRequestException.class, ErrorMapper::invalidRequest)
                .error(InvalidInputException.class, ErrorMapper::invalidInput)
                .error(HeroNotFoundException.class, ErrorMapper::heroNotFound)
                .error(HeroesUnavailableException.class, ErrorMapper::unavailable)
                .error(HttpException.class, ErrorMapper::httpException)
                .error(io.helidon.common.buffers.DataReader.InsufficientDataAvailableException.class, ErrorMapper::bodyCutShort)
                .error(Throwable.class, ErrorMapper::unexpected);
    }

    private static void invalidRequest(ServerRequest request, ServerResponse response, InvalidRequestException e) {
        JsonResponses.send(request, response, Status.UNPROCESSABLE_CONTENT_422, new Detail(e.problems()));
    }

    /** A command built outside {@link InputCheck}: its violations, located where that command comes from. */
    private static void invalidInput(ServerRequest request, ServerResponse response, InvalidInputException e) {
        String where = e.subject() == PageRequest.class ? Problem.QUERY : Problem.BODY;
        List<Problem> problems = e.violations().stream().map(v -> Problem.of(where, v)).toList();
        JsonResponses.send(request, response, Status.UNPROCESSABLE_CONTENT_422, new Detail(problems));
    }

    private static void heroNotFound(ServerRequest request, ServerResponse response, HeroNotFoundException e) {
        JsonResponses.send(request, response, Status.NOT_FOUND_404, new Detail("Hero not found"));
    }

    /**
     * The store cannot serve now (unreachable, no free connection in time, closing): 503 with
     * {@code Retry-After}, so clients and load balancers back off and retry, and a warning without a stack trace.
     */
    private static void unavailable(ServerRequest request, ServerResponse response, HeroesUnavailableException e) {
        LOG.log(Level.WARNING, "Request " + describe(request) + " answered 503: " + e.getMessage());
        response.header(RETRY_AFTER);
        JsonResponses.send(request, response, Status.SERVICE_UNAVAILABLE_503, new Detail(reasonPhrase(Status.SERVICE_UNAVAILABLE_503)));
    }

    /** Helidon's own (404 no route, ...) and ours (405, 413, 415): the reason phrase, with the exception's headers. */
    private static void httpException(ServerRequest request, ServerResponse response, HttpException e) {
        if (e.status().family() == Status.Family.SERVER_ERROR) {
            LOG.log(Level.ERROR, "Request " + describe(request) + " failed", e);
        }
        e.headers().forEach(response::header);
        if (!e.keepAlive()) {
            response.header(HeaderValues.CONNECTION_CLOSE);
        }
        JsonResponses.send(request, response, e.status(), new Detail(reasonPhrase(e.status())));
    }

    /** The client stopped sending before the body it announced was complete: its fault, not ours. */
    private static void bodyCutShort(ServerRequest request, ServerResponse response, RuntimeException e) {
        response.header(HeaderValues.CONNECTION_CLOSE);
        JsonResponses.send(request, response, Status.BAD_REQUEST_400, new Detail("Request body ended before its announced length"));
    }

    /**
     * A fault of ours: the details go to the log, never to the client. Errors too (a class missing from a
     * broken deployment, a stack overflow): without this they would close the connection with no answer.
     */
    private static void unexpected(ServerRequest request, ServerResponse response, Throwable e) {
        LOG.log(Level.ERROR, "Request " + describe(request) + " failed", e);
        JsonResponses.send(request, response, Status.INTERNAL_SERVER_ERROR_500, new Detail(reasonPhrase(Status.INTERNAL_SERVER_ERROR_500)));
    }

    static String reasonPhrase(Status status) {
        String phrase = status.reasonPhrase();
        return phrase == null || phrase.isEmpty() ? status.codeText() : phrase;
    }

    /** Method and path only: a query or a body could hold anything, and a body may hold a secret name. */
    private static String describe(ServerRequest request) {
        return request.prologue().method().text() + " " + request.path().rawPath();
    }
}
