package dev.hero.web;

import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.IdempotencyKeyInFlightException;
import dev.hero.domain.model.IdempotencyKeyReusedException;
import dev.hero.domain.model.PreconditionFailedException;
import dev.hero.domain.port.out.HeroesUnavailableException;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The one place where exceptions become HTTP answers, each a JSON {@code {"detail": ...}} body in the
 * tutorial's shapes. Helidon signals "no route matched" with {@link io.helidon.http.NotFoundException} only
 * after every route of the routing (including those other features add) declined, so answering it here
 * shadows nothing.
 */
final class ErrorMapper {

    private static final Logger LOG = System.getLogger(ErrorMapper.class.getName());

    private ErrorMapper() {
    }

    static void register(HttpRouting.Builder routing) {
        routing.error(InvalidRequestException.class, ErrorMapper::invalidRequest)
                .error(HeroNotFoundException.class, ErrorMapper::heroNotFound)
                .error(PreconditionFailedException.class, ErrorMapper::preconditionFailed)
                .error(IdempotencyKeyReusedException.class, ErrorMapper::idempotencyKeyReused)
                .error(IdempotencyKeyInFlightException.class, ErrorMapper::idempotencyKeyInFlight)
                .error(HeroesUnavailableException.class, ErrorMapper::unavailable)
                .error(Drain.CutOffException.class, ErrorMapper::alreadyAnswered)
                .error(HttpException.class, ErrorMapper::httpException)
                .error(io.helidon.common.buffers.DataReader.InsufficientDataAvailableException.class, ErrorMapper::bodyCutShort)
                .error(Throwable.class, ErrorMapper::unexpected);
    }

    private static void invalidRequest(ServerRequest request, ServerResponse response, InvalidRequestException e) {
        ErrorAnswers.send(request, response, Status.UNPROCESSABLE_CONTENT_422, e.problems());
    }

    private static void heroNotFound(ServerRequest request, ServerResponse response, HeroNotFoundException e) {
        ErrorAnswers.send(request, response, Status.NOT_FOUND_404, "Hero not found");
    }

    /** {@code If-Match} named no version the hero has, or there is no such hero: nothing was changed. */
    private static void preconditionFailed(ServerRequest request, ServerResponse response, PreconditionFailedException e) {
        ErrorAnswers.send(request, response, Status.PRECONDITION_FAILED_412);
    }

    /** The key was used with another body: a 422 at the header, as any other input that is not acceptable. */
    private static void idempotencyKeyReused(ServerRequest request, ServerResponse response, IdempotencyKeyReusedException e) {
        ErrorAnswers.send(request, response, Status.UNPROCESSABLE_CONTENT_422, java.util.List.of(IdempotencyKeys.reused()));
    }

    /** A create under the same key is still running on this instance: 409, try again in a moment (it will replay). */
    private static void idempotencyKeyInFlight(ServerRequest request, ServerResponse response, IdempotencyKeyInFlightException e) {
        response.header(ErrorAnswers.RETRY_AFTER);
        ErrorAnswers.send(request, response, Status.CONFLICT_409, ErrorAnswers.KEY_IN_FLIGHT);
    }

    /**
     * The store cannot serve now (unreachable, no free connection in time, disk full or failing, file gone, closing):
     * 503 with {@code Retry-After}, so clients and load balancers back off and retry, and one warning without a stack
     * trace (the trace at DEBUG). A write cut off during its commit says so in its own detail
     * ({@link ErrorAnswers#OUTCOME_UNKNOWN}): a client must not blindly repeat a create.
     */
    private static void unavailable(ServerRequest request, ServerResponse response, HeroesUnavailableException e) {
        LOG.log(Level.WARNING, "Request " + describe(request) + " answered 503: " + e.getMessage());
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "Request " + describe(request) + " answered 503", e);
        }
        if (e.isOutcomeUnknown()) {
            ErrorAnswers.unavailable(request, response, ErrorAnswers.OUTCOME_UNKNOWN);
        } else {
            ErrorAnswers.unavailable(request, response);
        }
    }

    /** The stop cut the request off at the end of the shutdown grace and answered it: nothing to add, nothing to log. */
    private static void alreadyAnswered(ServerRequest request, ServerResponse response, Drain.CutOffException e) {
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
        ErrorAnswers.send(request, response, e.status());
    }

    /** The client stopped sending before the body it announced was complete: its fault, not ours. */
    private static void bodyCutShort(ServerRequest request, ServerResponse response, RuntimeException e) {
        response.header(HeaderValues.CONNECTION_CLOSE);
        ErrorAnswers.send(request, response, Status.BAD_REQUEST_400, "Request body ended before its announced length");
    }

    /**
     * A fault of ours: the details go to the log, never to the client. Errors too (a class missing from a
     * broken deployment, a stack overflow): without this they would close the connection with no answer.
     */
    private static void unexpected(ServerRequest request, ServerResponse response, Throwable e) {
        LOG.log(Level.ERROR, "Request " + describe(request) + " failed", e);
        ErrorAnswers.send(request, response, Status.INTERNAL_SERVER_ERROR_500);
    }

    /** Method and path only: a query or a body could hold anything, and a body may hold a secret name. */
    private static String describe(ServerRequest request) {
        return request.prologue().method().text() + " " + request.path().rawPath();
    }
}
